"""The only place that knows MkDocs: it hands generated pages to the build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .permalinks import redirects
from .pipeline import WATCHED_FOLDERS, render_files, search_dictionary_file
from .problems import CatalogError


class CatalogPlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).parent
        try:
            catalog, self.files = render_files(self.root)
        except CatalogError as exc:
            raise PluginError("the catalogue has problems:\n" + str(exc)) from None
        moved = config.plugins.get("redirects")
        if moved is not None:
            moved.config["redirect_maps"].update(redirects(catalog))
        search = config.plugins.get("material/search")
        if search is not None:
            # Loading the user dictionary again adds to jieba's word counts, so every build
            # (and every `mkdocs serve` rebuild) starts again from jieba's own dictionary.
            import jieba

            jieba.dt.initialized = False
            # Must run before the search plugin's own on_config, so list `catalog` first.
            search.config.jieba_dict_user = str(search_dictionary_file(self.root, catalog))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for path, content in self.files.items():
            files.append(File.generated(config, path, content=content))
        return files

    def on_serve(self, server, config: MkDocsConfig, builder):
        for folder in WATCHED_FOLDERS:
            server.watch(str(self.root / folder))
        return server
