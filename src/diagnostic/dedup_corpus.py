"""Step 7 on a corpus larger than memory (issue 15): a collection over months, or a
national corpus of millions of ads, given as one sheet or several (at most a million ads
each: one per month, per site…).

The sheets are read one after the other (`ads.read_ads`: checked and pseudonymised); the
fields each ad gives alone (`dedup.ad_fields`) and the columns the review sheet shows are
written to Parquet files in a work folder, and the sheet is dropped before the next is
read. The blocking keys, which depend on every ad (`dedup.blocking_keys`), are then
computed from a few columns of all the ads and written beside their fields; the engine,
DuckDB on this machine or Spark on a cluster, reads the fields from the files
(`dedup.linked_fields`). What stays in memory is one sheet at a time, a few columns per
ad, and the links.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from . import dedup
from .ads import read_ads
from .errors import InputError, Problem
from .verification import read_checked

FIELDS, SHOWN = "champs", "annonces"    # the work folder's subfolders: the fields compared, the ads shown
LISTS = ("telephones", "voisins")      # the fields that are lists of pseudonyms
# the columns the blocking keys are computed from (`dedup.blocking_keys`)
KEYED = ["telephone", "telephones", "pseudo", "prenom", "age", "commune", "n_trigrammes", *dedup.BAND_COLUMNS]


@dataclass
class Corpus:
    """A corpus read into a work folder: the fields of its ads (`FIELDS`, Parquet files in
    `unique_id` order) and each ad's `id_annonce`."""

    folder: Path
    ids: np.ndarray

    @property
    def fields(self) -> Path:
        return self.folder / FIELDS

    def shown(self, wanted: set[str]) -> pd.DataFrame:
        """The ads `wanted` (their `id_annonce`), with the columns the review sheet shows."""
        table = ds.dataset(self.folder / SHOWN, format="parquet").to_table(
            filter=ds.field("id_annonce").isin(pa.array(sorted(wanted), type=pa.string())))
        return table.to_pandas()


def _schema(frame: pd.DataFrame) -> pa.Schema:
    """The Parquet types of `frame`: text and lists of text where pandas holds objects (a
    column empty in one sheet keeps the type it has in the others)."""
    return pa.schema([pa.field(name, pa.list_(pa.string()) if name in LISTS else pa.string())
                      if frame[name].dtype == object else pa.Schema.from_pandas(frame[[name]], preserve_index=False)
                      .field(name) for name in frame.columns])


def _written(frame: pd.DataFrame, path: Path) -> None:
    pq.write_table(pa.Table.from_pandas(frame, schema=_schema(frame), preserve_index=False), path)


def _repeated_ids(ids: np.ndarray, first_sheet: dict[str, str]) -> list[Problem]:
    """The ads `ids` of a sheet that an earlier sheet already has (`first_sheet`: each
    `id_annonce` read so far, and its sheet's name); the first twenty."""
    return [Problem("colonne « id_annonce »", ident, f"un identifiant qui n'apparaît qu'une fois dans le corpus "
                                                     f"(déjà dans la fiche « {first_sheet[ident]} »)")
            for ident in ids if ident in first_sheet][:20]


def prepared(sheets: list[Path], folder: Path, departement: str | None = None,
             aliases: dict[str, str] | None = None) -> Corpus:
    """Read `sheets` one by one into the work folder `folder` (see the module's docstring)."""
    local, shown, fields = folder / "sans_cles", folder / SHOWN, folder / FIELDS
    for subfolder in (local, shown, fields):
        subfolder.mkdir(parents=True)
    ids, first_sheet, n_ads = [], {}, 0
    for k, path in enumerate(sheets):
        sheet = read_checked(read_ads, path)
        sheet_ids = sheet["id_annonce"].to_numpy(dtype=object)
        if len(sheets) > 1:
            repeated = _repeated_ids(sheet_ids, first_sheet)
            if repeated:
                raise InputError(path, repeated)
            first_sheet.update(dict.fromkeys(sheet_ids, path.name))
        _written(dedup.ad_fields(sheet, departement, aliases, first_id=n_ads), local / f"{k:05d}.parquet")
        _written(sheet[["id_annonce", *dedup.REVIEW_SHOWN]], shown / f"{k:05d}.parquet")
        ids.append(sheet_ids)
        n_ads += len(sheet_ids)
        print(f"Fiche {k + 1}/{len(sheets)} lue : {len(sheet)} annonces ({path.name}).", file=sys.stderr, flush=True)
        del sheet
    print(f"Clés des paires à comparer : {n_ads} annonces…", file=sys.stderr, flush=True)
    keys = dedup.blocking_keys(ds.dataset(local, format="parquet").to_table(columns=KEYED).to_pandas())
    start = 0
    for part in sorted(local.glob("*.parquet")):
        table = pq.read_table(part).drop_columns(dedup.BAND_COLUMNS)
        own = keys.iloc[start:start + table.num_rows].reset_index(drop=True)
        own = pa.Table.from_pandas(own, schema=_schema(own), preserve_index=False)
        for name in own.column_names:
            table = table.append_column(own.field(name), own.column(name))
        pq.write_table(table, fields / part.name)
        part.unlink()
        start += table.num_rows
    local.rmdir()
    return Corpus(folder, np.concatenate(ids) if ids else np.array([], dtype=object))


def link(sheets: list[Path], work: Path, departement: str | None = None, aliases: dict[str, str] | None = None,
         decisions: pd.DataFrame | None = None, engine: str = "duckdb") -> tuple[pd.DataFrame, dedup.Links,
                                                                                   pd.DataFrame, pd.DataFrame]:
    """The ads of `sheets` linked into persons (`dedup.link`, by the files of a work folder
    made in `work`, or the nearest folder above it that exists, and removed at the end,
    even on a stop; on a cluster, a folder its machines all see): each ad's persons
    (`id_annonce`, `id_personne`, `id_personne_probable`), the links, the probable links (rows
    of `liens.csv`, for `dedup.review_sheet`), and the ads of those the review sheet lists
    (`dedup.for_review`), with the columns it shows."""
    dedup.check_engine(engine)
    existing = next(folder for folder in (work, *work.absolute().parents) if folder.is_dir())
    with tempfile.TemporaryDirectory(prefix=".diagnostic-travail-", dir=existing) as folder:
        corpus = prepared(sheets, Path(folder), departement, aliases)
        high, low, links = dedup.linked_fields(corpus.fields, corpus.ids, decisions, engine)
        probable = links.of_status("probable")
        listed = dedup.for_review(probable)
        shown = corpus.shown(set(listed["id_annonce_a"]) | set(listed["id_annonce_b"]))
    persons = pd.DataFrame({"id_annonce": corpus.ids, "id_personne": high, "id_personne_probable": low})
    return persons, links, probable, shown
