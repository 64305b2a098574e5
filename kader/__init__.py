"""The frame every page shares: the shared filters (sidebar, session state, URL) and data freshness."""

from kader.filterbalk import filterbalk, filters
from kader.versheid import versheidsregel

__all__ = ["filterbalk", "filters", "versheidsregel"]
