"""The `cronaca` command, run for real in a subprocess."""

from __future__ import annotations

import gzip
import json

from conftest import run_cli


def test_clean_text_output_with_explain(examples):
    result = run_cli("clean", str(examples["lukashenko_xi_it.txt"]), "--explain")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "# title: Lukashenko incontra Xi a Pechino" in out
    assert "# author: Giulia Ferraresi" in out
    assert "# language: it (1.00, detected)" in out
    assert "[author-bio] Giulia Ferraresi è una giornalista" in out
    assert "[related-links] More Stories" in out
    body = out.split("# removed:")[0]
    assert "More Stories" not in body and "Minsk non ha inviato truppe" in body


def test_clean_json_from_stdin():
    text = "Il governo ha approvato ieri la riforma delle pensioni. Il voto è arrivato di notte."
    result = run_cli("clean", "-", "--format", "json", stdin=text.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["text"] == text and record["language"] == "it" and record["source"] == "<stdin>"
    assert "sentences" not in record and "removed" not in record


def test_clean_url_from_a_real_server(server):
    result = run_cli("clean", f"{server}/it.html", "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["url"] == f"{server}/it.html" and record["published"] == "2023-03-01"


def test_language_override_and_unknown_language():
    slovenian = ("Predsednik Belorusije se je v torek v Pekingu srečal s kitajskim voditeljem. "
                 "Pogovarjala sta se o vojni v Ukrajini.")
    result = run_cli("clean", "-", "--format", "json", stdin=slovenian.encode())
    assert json.loads(result.stdout)["language"] == "sl"
    result = run_cli("parse", "-", stdin=slovenian.encode())
    assert result.returncode == 0, result.stderr.decode()
    assert "no parsing pipeline for 'sl'; sentences only" in result.stderr.decode()
    assert result.stderr.decode().count("\n") == 1            # one line, no traceback
    result = run_cli("clean", "-", "--lang", "it", "--format", "json", stdin=slovenian.encode())
    assert json.loads(result.stdout)["language_source"] == "given"


def test_parse_json_and_table(examples):
    result = run_cli("parse", str(examples["port_strike_en.txt"]), "--format", "json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["language"] == "en" and article["sentences"]
    token = article["sentences"][0]["tokens"][0]
    assert set(token) == {"i", "text", "start", "end", "lemma", "pos", "tag", "morph", "dep", "head"}
    result = run_cli("parse", str(examples["lukashenko_xi_it.txt"]))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "incontrare" in out and "nsubj" in out and "PER" in out


def test_bad_inputs_give_one_line_errors(tmp_path):
    cases = {
        "binary.bin": bytes(range(256)) * 40,
        "empty.txt": b"",
        "doc.pdf": b"%PDF-1.5\n" + b"\x00" * 100,
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = run_cli("clean", str(path))
        err = result.stderr.decode()
        assert result.returncode == 1, name
        assert err.count("\n") == 1 and str(path) in err and "Traceback" not in err, err
    result = run_cli("clean", "http://127.0.0.1:9/nothing")
    assert result.returncode == 1 and "cannot connect" in result.stderr.decode()


def test_a_folder_run_continues_past_bad_documents(tmp_path, examples):
    (tmp_path / "a_good.txt").write_bytes(examples["port_strike_en.txt"].read_bytes())
    (tmp_path / "b_binary.dat").write_bytes(b"\x00\x01\x02" * 1000)
    (tmp_path / "c_latin1.txt").write_bytes(
        "Il sindaco di Forlì ha incontrato i cittadini. La città è in festa.".encode("latin-1"))
    (tmp_path / "d_broken.html").write_text("<html><body><p>Il consiglio regionale ha approvato "
                                            "il bilancio dopo tre giorni di discussione.<div>")
    (tmp_path / "e_nav_only.html").write_text("<html><body><nav><a href='/'>Home</a></nav>")
    (tmp_path / "f_page.html.gz").write_bytes(
        gzip.compress(examples["lukashenko_xi_it.html"].read_bytes()))
    result = run_cli("clean", str(tmp_path), "--format", "json")
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    names = [r["source"].rsplit("/", 1)[-1] for r in records]
    assert names == ["a_good.txt", "c_latin1.txt", "d_broken.html", "f_page.html.gz"]
    assert "Forlì" in records[1]["text"]
    err = result.stderr.decode()
    assert "b_binary.dat" in err and "e_nav_only.html" in err
    assert "4 article(s), 2 skipped" in err


def test_languages_and_version():
    out = run_cli("languages").stdout.decode()
    assert "it_core_cronaca" in out and "en_core_web_sm" in out and "Spanish" in out
    assert run_cli("--version").stdout.decode().startswith("cronaca ")


def test_demo_runs():
    result = run_cli("demo")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Minsk non ha inviato truppe" in out and "incontrare" in out and "Rotterdam" in out
