"""A small Sphinx extension for the book: each script once per page, no build date.

Jupyter Book 1.x registers sphinx-thebe's configuration script twice, which makes every
page raise "Identifier 'THEBE_JS_URL' has already been declared" in the browser console.
Listed in `_config.yml` (`sphinx.extra_extensions`), this keeps the first copy only. It
also removes the theme's « Mis à jour le … » date: the same run must give the same bytes
on any day (the page « Cette édition » says which version and parameters made the book).

The runner (`run.build_book`) builds a book from the last good book's Sphinx environment:
only the pages whose sources changed are read and written again. What a fresh build would
write differently, this extension prevents:
- a page shows the titles, tables of contents and labels of the other pages (navigation,
  previous/next, references): when one of those of a page read again changed, or a page
  came or went, every page is written again;
- Sphinx adds `?v=<checksum>` to a page's link to a static file already in the output folder;
  myst-nb copies its stylesheet only at the end of a build, so that a fresh build's pages link
  it without: it is removed before the build;
- images and downloads that no page uses any more are removed at the end.
"""

from __future__ import annotations

import os
from pathlib import Path


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


def _shared(env, docname: str) -> str:
    """What the other pages show of a page: its titles, its table of contents, its place in
    the tables of contents, its labels (for references) and its numbers."""
    std = env.domaindata.get("std", {})
    parts = [env.titles.get(docname), env.longtitles.get(docname), env.tocs.get(docname),
             env.toctree_includes.get(docname), env.toc_secnumbers.get(docname), env.toc_fignumbers.get(docname),
             sorted((k, v) for kind in ("labels", "anonlabels") for k, v in std.get(kind, {}).items() if v[0] == docname),
             sorted((k, v) for k, v in std.get("objects", {}).items() if v[0] == docname)]
    return repr([part.pformat() if hasattr(part, "pformat") else part for part in parts])


def before_reading(app, env, docnames) -> None:
    """What the other pages show of the pages about to be read again, before they are."""
    app.diagnostic_shared = {name: _shared(env, name) for name in docnames if name in env.all_docs}


def pages_come_and_gone(app, env, added, changed, removed) -> list:
    """The pages added or removed since the last build, as Sphinx lists them."""
    app.diagnostic_come_and_gone = set(added) | set(removed)
    return []


def pages_to_write(app, env) -> list:
    """Every page, when what a page read again shows to the others changed (or a page came or went)."""
    before = getattr(app, "diagnostic_shared", {})
    if getattr(app, "diagnostic_come_and_gone", set()) or any(
            _shared(env, name) != shown for name, shown in before.items()):
        return sorted(env.found_docs)
    return []


def fresh_static_links(app) -> None:
    """The stylesheet myst-nb copies at the end of the build, absent while the pages are written
    (as in a fresh build: no `?v=` on its link)."""
    for stylesheet in (Path(app.outdir) / "_static").glob("mystnb.*.css"):
        stylesheet.unlink()


def unused_files_removed(app, exception) -> None:
    """The images and downloads no page uses any more (a fresh build would not have them)."""
    if exception is not None or app.builder.format != "html":
        return
    env, outdir = app.env, Path(app.outdir)
    kept = {"_images": {unique for _, unique in env.images.values()},
            "_downloads": {unique for _, unique in env.dlfiles.values()}}
    for folder, names in kept.items():
        for path in sorted((outdir / folder).rglob("*"), reverse=True):
            name = path.relative_to(outdir / folder).as_posix()
            if path.is_file() and name not in names:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                os.rmdir(path)


def setup(app):
    app.connect("config-inited", no_build_date, priority=900)
    app.connect("html-page-context", unique_scripts, priority=100)
    app.connect("builder-inited", fresh_static_links)
    app.connect("env-get-outdated", pages_come_and_gone)
    app.connect("env-before-read-docs", before_reading)
    app.connect("env-get-updated", pages_to_write)
    app.connect("build-finished", unused_files_removed)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
