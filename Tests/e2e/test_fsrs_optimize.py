"""`annals fsrs optimize`, `evaluate`, `retention` and `parameters` on the real binary."""
import json
import os
import subprocess

ANNALS = os.environ.get("ANNALS_BIN", ".build/debug/annals")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOG = os.path.join(ROOT, "Tests", "OptimizerTests", "Fixtures", "review-log.csv")
PARITY = os.path.join(ROOT, "Tests", "OptimizerTests", "Fixtures", "evaluate-parity.json")


def run(*args, cwd=None):
    return subprocess.run([ANNALS, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_optimize_fits_better_than_defaults_and_fsrs_rs():
    result = run("fsrs", "optimize", LOG, "--timezone", "UTC", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no progress line when not on a terminal
    fit = json.loads(result.stdout)
    assert fit["fitted"] and len(fit["weights"]) == 21
    assert fit["metrics"]["log_loss"] < fit["metrics_before"]["log_loss"]
    reference = [s for s in json.load(open(PARITY))["sets"] if s["name"] == "fsrs-rs fitted"][0]
    assert fit["metrics"]["fsrs_rs_log_loss"] <= reference["fsrs_rs"]["log_loss"]
    assert fit["reviews_per_day_before"] > 0 and fit["reviews_per_day_after"] > 0


def test_optimize_is_deterministic():
    a = json.loads(run("fsrs", "optimize", LOG, "--timezone", "UTC", "--json").stdout)
    b = json.loads(run("fsrs", "optimize", LOG, "--timezone", "UTC", "--json").stdout)
    assert a["weights"] == b["weights"]


def test_evaluate_matches_fsrs_rs_figures(tmp_path):
    sets = json.load(open(PARITY))["sets"]
    fitted = [s for s in sets if s["name"] == "fsrs-rs fitted"][0]
    weights = tmp_path / "weights.json"
    weights.write_text(json.dumps(fitted["weights"]))
    result = run("fsrs", "evaluate", LOG, "--timezone", "UTC", "--parameters", str(weights), "--json")
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout)
    assert abs(metrics["fsrs_rs_log_loss"] - fitted["fsrs_rs"]["log_loss"]) < 1e-4
    assert abs(metrics["auc"] - fitted["srs_benchmark"]["auc"]) < 1e-4


def test_too_little_data_keeps_defaults(tmp_path):
    log = tmp_path / "log.csv"
    log.write_text("card_id,review_time,review_rating\n1,2024-03-29T10:00:00Z,3\n1,2024-04-02T10:00:00Z,3\n")
    result = run("fsrs", "optimize", str(log), "--timezone", "UTC")
    assert result.returncode == 0, result.stderr
    assert "not enough data" in result.stdout


def test_bad_parameters_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "weights.txt"
    bad.write_text("1, 2, 3")
    result = run("fsrs", "evaluate", LOG, "--parameters", str(bad))
    assert result.returncode != 0
    assert "--parameters" in result.stderr and "21 numbers" in result.stderr


def test_retention_sweep(tmp_path):
    result = run("fsrs", "retention", "--parameters", "defaults", "--json")
    assert result.returncode == 0, result.stderr
    sweep = json.loads(result.stdout)
    assert [round(p["desired_retention"], 2) for p in sweep["points"]] == [x / 100 for x in range(70, 98)]
    assert 0.7 <= sweep["optimal_retention"] <= 0.97
    assert sweep["points"][-1]["reviews_per_day"] > sweep["points"][0]["reviews_per_day"]


def test_learner_with_no_reviews_keeps_defaults_and_lists_nothing(tmp_path):
    store = str(tmp_path / "learner.sqlite")
    result = run("fsrs", "optimize", "--store", store)
    assert result.returncode == 0, result.stderr
    assert "not enough data" in result.stdout
    listed = run("fsrs", "parameters", "--store", store)
    assert listed.returncode == 0, listed.stderr
    assert "No fitted parameters yet" in listed.stdout


def test_learner_fit_is_stored_used_and_restorable(tmp_path):
    store = str(tmp_path / "learner.sqlite")
    imported = run("fsrs", "import-log", LOG, "--store", store)
    assert imported.returncode == 0, imported.stderr
    dry = run("fsrs", "optimize", "--store", store, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["stored"] is False
    assert "No fitted parameters yet" in run("fsrs", "parameters", "--store", store).stdout

    fitted = run("fsrs", "optimize", "--store", store)
    assert fitted.returncode == 0, fitted.stderr
    assert "reviews/day" in fitted.stdout and "Stored and in use" in fitted.stdout
    listed = run("fsrs", "parameters", "--store", store).stdout
    assert listed.startswith("1\t") and "annals fsrs optimize" in listed and "log_loss" in listed

    # The learner's evaluation now uses the fitted weights: better than the defaults on the same reviews.
    own = json.loads(run("fsrs", "evaluate", "--store", store, "--json").stdout)
    defaults = json.loads(run("fsrs", "evaluate", "--store", store, "--parameters", "defaults", "--json").stdout)
    assert own["log_loss"] < defaults["log_loss"]

    restored = run("fsrs", "parameters", "--store", store, "--restore", "0")
    assert restored.returncode == 0, restored.stderr
    after = json.loads(run("fsrs", "evaluate", "--store", store, "--json").stdout)
    assert after["log_loss"] == defaults["log_loss"]
    assert "restored defaults" in run("fsrs", "parameters", "--store", store).stdout


def test_progress_line_on_a_terminal_only(tmp_path):
    import pexpect

    log = str(tmp_path / "simulated.csv")
    assert run("fsrs", "simulate-log", "--cards", "3000", "--output", log).returncode == 0
    child = pexpect.spawn(ANNALS, ["fsrs", "optimize", log, "--timezone", "UTC"], timeout=240, encoding="utf-8")
    child.expect(r"fitting: epoch \d/5, \d+%")
    child.expect("Fitted FSRS-6 parameters")
    child.expect(pexpect.EOF)
    piped = run("fsrs", "optimize", log, "--timezone", "UTC")
    assert piped.returncode == 0 and "fitting:" not in piped.stderr + piped.stdout


def test_on_a_terminal_the_workload_change_is_shown_before_the_learner_agrees(tmp_path):
    import pexpect

    store = str(tmp_path / "learner.sqlite")
    assert run("fsrs", "import-log", LOG, "--store", store).returncode == 0
    child = pexpect.spawn(ANNALS, ["fsrs", "optimize", "--store", store], timeout=240, encoding="utf-8")
    child.expect(r"predicted workload at retention 0\.90: [\d.]+ -> [\d.]+ reviews/day")
    child.expect(r"Use these parameters from now on\? \[y/N\] ")
    child.sendline("n")
    child.expect("Not stored")
    child.expect(pexpect.EOF)
    assert "No fitted parameters yet" in run("fsrs", "parameters", "--store", store).stdout

    child = pexpect.spawn(ANNALS, ["fsrs", "optimize", "--store", store], timeout=240, encoding="utf-8")
    child.expect(r"\[y/N\] ")
    child.sendline("y")
    child.expect("Stored and in use")
    child.expect(pexpect.EOF)
    assert run("fsrs", "parameters", "--store", store).stdout.startswith("1\t")

    child = pexpect.spawn(ANNALS, ["fsrs", "optimize", "--store", store, "--yes"], timeout=240, encoding="utf-8")
    index = child.expect([r"\[y/N\]", "Stored and in use"])
    assert index == 1
    child.expect(pexpect.EOF)
