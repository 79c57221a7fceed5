"""The home view: computed by :mod:`veille.views.home` (re-exported for the pages)."""

from __future__ import annotations

from veille.views.home import HomeView, home_view

__all__ = ["HomeView", "home_view"]
