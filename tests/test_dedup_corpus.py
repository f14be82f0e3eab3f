"""Step 7 on a corpus in several sheets, read one after the other into Parquet files
(`dedup_corpus`): the same persons and links as the same ads linked in memory."""

import errno
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from diagnostic import ads, cli, dedup, dedup_corpus
from diagnostic.errors import InputError

DATA = Path(__file__).resolve().parents[1] / "data" / "synthetic"
BOULOGNE = {"Boulogne": "Boulogne-sur-Mer"}


def _halves(folder: Path) -> list[Path]:
    """The default world's sheet cut in two sheets, as a collection of two months would come."""
    sheet = pd.read_csv(DATA / "annonces-SYNTHETIQUE.csv", dtype=str, keep_default_na=False)
    paths = [folder / "mois1.csv", folder / "mois2.csv"]
    sheet.iloc[:350].to_csv(paths[0], index=False)
    sheet.iloc[350:].to_csv(paths[1], index=False)
    return paths


def test_a_corpus_in_two_sheets_is_linked_as_its_ads_in_one_sheet_in_memory(tmp_path, monkeypatch):
    """Read sheet by sheet into Parquet files, with the weights learnt on a sample of 500
    ads drawn from the files: the persons, the links and their weights are those of the
    699 ads linked in memory; the work folder is removed."""
    monkeypatch.setattr(dedup, "TRAINING_ADS", 500)
    sheet = ads.read_ads(DATA / "annonces-SYNTHETIQUE.csv")
    expected, expected_links = dedup.link(sheet, "62", BOULOGNE)
    persons, links, probable, shown = dedup_corpus.link(_halves(tmp_path), tmp_path / "sortie", "62", BOULOGNE)
    assert persons["id_annonce"].tolist() == sheet["id_annonce"].tolist()
    assert persons["id_personne"].tolist() == expected["id_personne"].tolist()
    assert persons["id_personne_probable"].tolist() == expected["id_personne_probable"].tolist()
    pd.testing.assert_frame_equal(links.table(), expected_links)
    assert probable.equals(links.of_status("probable"))
    assert set(shown["id_annonce"]) == set(probable["id_annonce_a"]) | set(probable["id_annonce_b"]) != set()
    assert list(shown.columns) == ["id_annonce", *dedup.REVIEW_SHOWN]
    assert not (tmp_path / "sortie").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["mois1.csv",
                                                                                                 "mois2.csv"]


def test_a_field_empty_in_one_sheet_keeps_its_type(tmp_path):
    """The second sheet gives no number, pseudo, age or description: its columns are empty,
    and the corpus is still one table, linked as the same ads in memory."""
    text = "Je suis Maelle, 26 ans, brune aux yeux verts. Je reçois en toute discrétion, sur rendez-vous."
    pd.DataFrame([
        {"id_annonce": "A1", "site": "cas.example", "commune_declaree": "Arras", "titre": "", "texte": text,
         "telephone": "0536497001", "pseudo": "Maelle", "age_declare": ""},
        {"id_annonce": "A2", "site": "cas.example", "commune_declaree": "Arras", "titre": "", "texte": text,
         "telephone": "0536497001", "pseudo": "Maelle", "age_declare": ""},
        {"id_annonce": "A3", "site": "cas.example", "commune_declaree": "Lens", "titre": "", "texte": "Massage.",
         "telephone": "0536497002", "pseudo": "Douce", "age_declare": ""},
    ]).to_csv(tmp_path / "un.csv", index=False)
    pd.DataFrame([{"id_annonce": "B1", "site": "cas.example", "commune_declaree": "", "titre": "Bonjour", "texte": ""},
                  {"id_annonce": "B2", "site": "cas.example", "commune_declaree": "", "titre": "", "texte": ""}]
                 ).to_csv(tmp_path / "deux.csv", index=False)
    sheets = [tmp_path / "un.csv", tmp_path / "deux.csv"]
    persons, links, _, _ = dedup_corpus.link(sheets, tmp_path / "sortie", "62")
    expected, expected_links = dedup.link(pd.concat(map(ads.read_ads, sheets), ignore_index=True), "62")
    assert persons["id_personne"].tolist() == expected["id_personne"].tolist()
    assert len(links) == len(expected_links) > 0 and links.table()["id_annonce_a"].isin(["A1", "A2", "A3"]).all()


def test_an_ad_in_two_sheets_is_refused_in_french_naming_both(tmp_path, project_root):
    first, second = _halves(tmp_path)
    sheet = pd.read_csv(second, dtype=str, keep_default_na=False)
    sheet.loc[3, "id_annonce"] = pd.read_csv(first, dtype=str)["id_annonce"].iloc[10]
    sheet.to_csv(second, index=False)
    with pytest.raises(InputError, match="déjà dans la fiche « mois1.csv »"):
        dedup_corpus.link([first, second], tmp_path / "sortie", "62")
    out = subprocess.run([sys.executable, "-m", "diagnostic", "dedup", "--ads", str(first), str(second),
                          "--out", str(tmp_path / "sortie")], capture_output=True, text=True, cwd=project_root)
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "mois2.csv" in out.stderr and "id_annonce" in out.stderr and "mois1.csv" in out.stderr
    assert not (tmp_path / "sortie").exists() and not list(tmp_path.glob(".diagnostic-travail-*"))


def test_the_command_reads_several_sheets(tmp_path, project_root):
    out = subprocess.run([sys.executable, "-m", "diagnostic", "dedup", "--ads", *map(str, _halves(tmp_path)),
                          "--out", str(tmp_path / "sortie"), "--departement", "62"],
                         capture_output=True, text=True, cwd=project_root, check=True)
    assert "Fiche 2/2 lue : 349 annonces (mois2.csv)" in out.stderr and "699 annonces, de" in out.stderr
    table = pd.read_csv(tmp_path / "sortie/annonces_personnes.csv")
    assert len(table) == 699 and table["id_annonce"].is_unique
    assert sorted(p.name for p in (tmp_path / "sortie").iterdir()) == ["annonces_personnes.csv", "liens.csv",
                                                                       "liens_a_relire.xlsx", "resume.json"]


def test_a_disk_full_while_writing_keeps_the_last_results_whole(tmp_path, monkeypatch, capsys):
    """The results are written beside the output folder's, then put in place: the disk
    filling up in the middle of `liens.csv` leaves the previous run's files as they were,
    and a French message."""
    sheet = tmp_path / "annonces.csv"
    pd.read_csv(DATA / "annonces-SYNTHETIQUE.csv", dtype=str, keep_default_na=False).head(150).to_csv(sheet, index=False)
    out = tmp_path / "sortie"
    assert cli.main(["dedup", "--ads", str(sheet), "--out", str(out), "--departement", "62"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    parts = dedup.Links.parts

    def full_after_one_part(links):
        yield next(parts(links))
        raise OSError(errno.ENOSPC, "No space left on device", str(out / "liens.csv"))

    monkeypatch.setattr(dedup.Links, "parts", full_after_one_part)
    capsys.readouterr()
    assert cli.main(["dedup", "--ads", str(sheet), "--out", str(out), "--departement", "62"]) != 0
    message = capsys.readouterr().err
    assert "libérez de la place" in message and "résultats précédents" in message and "Traceback" not in message
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before and len(before) == 4
