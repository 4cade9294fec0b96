"""The only place that knows MkDocs: it hands generated files to the build."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlparse

from mkdocs.config import config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from generator.engine import headers, notfound, redirectpages, themescripts
from generator.engine.csp import add_policy
from generator.engine.material import (
    catalog_entries, search_dictionary_file, whole_word_queries, without_jieba, write_catalog_index,
)
from generator.engine.preview import error_page, write_changed
from generator.publish.spilled import SpilledFiles
from generator.site import WATCHED_FOLDERS, GeneratedSite, generate_site, hand_written_pages
from generator.source.problems import CatalogError
from generator.source.siteurl import configured_site_url


class CatalogPlugin(BasePlugin):
    # `edition: en` builds the English edition (mkdocs.en.yml); the default is the Chinese one.
    # `allow_files`: reviewed non-Markdown files of content/pages/ that may be published (source/handwritten.py).
    config_scheme = (("edition", config_options.Choice(("zh", "en"), default="zh")),
                     ("allow_files", config_options.ListOfItems(config_options.Type(str), default=[])))
    # Set by `catalog build` (engine/site_build.py), which generates both editions once; `mkdocs serve`
    # and a plain `mkdocs build` leave it unset, and the plugin generates on each (re)build.
    generated: GeneratedSite | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this plugin alive across `mkdocs serve` rebuilds.
        self.serving = command == "serve"
        self.last_good: dict[str, str | bytes] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).parent
        # Where the site lives on its host (site_url's path): the 404 pages point the theme's scripts there.
        self.site_path = urlparse(configured_site_url(self.root) or "/").path
        self.cache = self.root / ".cache" / "catalog" / "pages"
        try:
            site = self.generated or generate_site(self.root)
        except CatalogError as exc:
            if not getattr(self, "serving", False):
                raise PluginError("the catalogue has problems:\n" + str(exc)) from None
            # In preview, keep the last good pages and put the problems on the home page.
            print("\n".join(["catalog: preview shows the last good pages; fix these problems:", str(exc)]),
                  file=sys.stderr)
            self.files = {**self.last_good, "index.md": error_page(exc.problems)}
            return config
        self.generated = None  # handed over for one build only
        self.search_additions = site.search
        english = self.config["edition"] == "en"  # mkdocs.en.yml (no jieba: on_pre_build)
        config.extra["edition_root"] = notfound.edition_root(self.site_path, english)
        self.files = (site.en or {}) if english else site.zh
        self.last_good = self.files
        search = config.plugins.get("material/search")
        if not english and search is not None:
            import jieba

            path = search_dictionary_file(self.root, site.search)
            words = path.read_text(encoding="utf-8")
            if words != getattr(self, "jieba_words", None) or not jieba.dt.initialized:
                # Loading the user dictionary again adds to jieba's word counts, so a build (or a
                # `mkdocs serve` rebuild) with new words starts again from jieba's own dictionary.
                jieba.dt.initialized = False
                search.config.jieba_dict_user = str(path)
                self.jieba_words = words
            else:
                # A rebuild with the same words: jieba still has them. (Reloading jieba's dictionary
                # took about a second of every rebuild.)
                search.config.jieba_dict_user = None
        moved = config.plugins.get("redirects")
        self.redirect_pages = list(site.redirects) if moved is not None else []
        if moved is not None:
            moved.config["redirect_maps"].update(site.redirects)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        search = config.plugins.get("material/search")
        if self.config["edition"] == "en":
            without_jieba(search)
        if search is not None and getattr(self, "search_additions", None) is not None:
            catalog_entries(search, self.search_additions)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if getattr(self, "serving", False):
            # Unchanged pages keep their timestamps, so `mkdocs serve --dirty` rebuilds only what changed.
            # Hand-written pages go through the cache too, so a page replaced by the error page comes back.
            pages = hand_written_pages(self.root)
            write_changed(self.cache, {**pages, **self.files})
            for path in {**pages, **self.files}:
                if path in files.src_uris:
                    files.remove(files.src_uris[path])
                files.append(File.generated(config, path, abs_src_path=str(self.cache / path)))
            return files
        for path in self.files:
            if path in files.src_uris:
                files.remove(files.src_uris[path])
            files.append(self._generated_file(config, path))
        # The theme's source maps serve its developers only, and quote dev-server hosts (localhost) in
        # comments: a published site names no host it does not live on.
        for path in [p for p in files.src_uris if p.startswith("assets/javascripts/") and p.endswith(".map")]:
            files.remove(files.src_uris[path])
        return files

    def _generated_file(self, config: MkDocsConfig, path: str) -> File:
        # Files the generator kept on disk (publish/spilled.py) are handed over as files: MkDocs reads a
        # page when it renders it and copies a data file, and the build never holds them all as text.
        if isinstance(self.files, SpilledFiles):
            return File.generated(config, path, abs_src_path=str(self.files.file_of(path)))
        return File.generated(config, path, content=self.files[path])

    @event_priority(-100)  # last: no other plugin reads the page's Markdown after this
    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        # Rendered, a page's Markdown is read no more; MkDocs would keep every page's to the end of the
        # build (issue #14). Empty, not None: MkDocs takes None for a page not read yet.
        page.markdown = ""
        return html

    @event_priority(-100)  # last: no other plugin reads the page's content after this
    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        # MkDocs renders every page's HTML before it writes the first, and keeps it all to the end of the
        # build; once a page is written (and indexed for search, in on_page_context) nothing reads its
        # content again, so the memory goes to the pages still to come (issue #14).
        page.content = None
        return _with_policy(output, page.file.src_uri, self.site_path)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return _with_policy(output_content, template_name, self.site_path) if template_name.endswith(".html") else output_content

    @event_priority(-100)  # after Material's search plugin has written its index, and the redirect pages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        search = config.plugins.get("material/search")
        if search is not None and getattr(self, "search_additions", None) is not None:
            write_catalog_index(search, self.search_additions, Path(config.site_dir))
        notfound.write_page_list(Path(config.site_dir))
        whole_word_queries(Path(config.site_dir))
        try:
            redirectpages.secure_redirect_pages(Path(config.site_dir), getattr(self, "redirect_pages", []),
                                                config.use_directory_urls, self.site_path)
        except (redirectpages.UnexpectedRedirectPage, themescripts.UnknownInlineScript) as exc:
            raise PluginError(str(exc)) from None
        if self.config["edition"] == "zh":  # the site root: hosts read _headers only there
            headers.write_headers_file(Path(config.site_dir), self.site_path)

    def on_serve(self, server, config: MkDocsConfig, builder):
        for folder in WATCHED_FOLDERS:
            server.watch(str(self.root / folder))
        return server


def _with_policy(html: str, page: str, site_path: str) -> str:
    try:
        return add_policy(html, page, site_path)
    except themescripts.UnknownInlineScript as exc:
        raise PluginError(str(exc)) from None
