"""A small Sphinx extension for the book: each script once per page, no build date.

Jupyter Book 1.x registers sphinx-thebe's configuration script twice, which makes every
page raise "Identifier 'THEBE_JS_URL' has already been declared" in the browser console.
Listed in `_config.yml` (`sphinx.extra_extensions`), this keeps the first copy only. It
also removes the theme's « Mis à jour le … » date: the same run must give the same bytes
on any day (the page « Cette édition » says which version and parameters made the book).
"""

from __future__ import annotations


def _script_key(script) -> tuple:
    """Same file (an inline script has None or "" as file) and same attributes: same script."""
    attributes = getattr(script, "attributes", {}) or {}
    return (str(getattr(script, "filename", script) or ""), tuple(sorted((k, str(v)) for k, v in attributes.items())))


def unique_scripts(app, pagename, templatename, context, doctree) -> None:
    """Drop the repeated entries of the page's script list (same file, same attributes)."""
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, kept = set(), []
    for script in scripts:
        key = _script_key(script)
        if key not in seen:
            seen.add(key)
            kept.append(script)
    scripts[:] = kept  # in place: later handlers (MathJax) add to this very list


def no_build_date(app, config) -> None:
    """No "last updated" date in the pages (Jupyter Book sets a default format)."""
    config.html_last_updated_fmt = None


def setup(app):
    app.connect("config-inited", no_build_date, priority=900)
    app.connect("html-page-context", unique_scripts, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
