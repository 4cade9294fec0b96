"""What every published data file shares: the catalogue as published on a day at an address, the data
format's version and the attribution."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from generator.source.catalog import Catalog
from generator.source.siteurl import absolute

SCHEMA_VERSION = "1.1"

ATTRIBUTION_ZH = (
    "本数据整理自各条记录 sources 字段所列的来源文件（政策文件、通知等公开资料）；措辞字段逐字引自原文。"
    "原文未公布的内容为 null，不作推断。引用或转载时，请注明原始来源文件及本目录。"
)
ATTRIBUTION_EN = (
    "Compiled from the source documents each record names in its sources field (published policy documents and "
    "notices); wording fields quote the source verbatim. What a source does not publish is null, never guessed. "
    "When you reuse the data, credit the original source documents and this catalogue."
)


class Open(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Attribution(Open):
    zh: str = Field(description="数据来源与署名说明（中文）")
    en: str = Field(description="Attribution and provenance (English)")


def attribution() -> Attribution:
    return Attribution(zh=ATTRIBUTION_ZH, en=ATTRIBUTION_EN)



class PublishedCatalog:
    """The catalogue as published on `today` at `site_url`: what the open data and the JSON-LD describe."""

    def __init__(self, catalog: Catalog, today: dt.date, site_url: str | None):
        self.catalog = catalog
        self.today = today
        self.site_url = site_url

    def url(self, path: str) -> str:
        return absolute(self.site_url, path)
