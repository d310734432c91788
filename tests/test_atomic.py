import pytest

from analytics.atomic import atomic_directory, atomic_path, sweep_leftovers, write_text_atomic


def test_write_replaces_content(tmp_path):
    target = tmp_path / "report.html"
    write_text_atomic(target, "old")
    write_text_atomic(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temp file left


def test_failed_write_leaves_previous_file_and_no_temp(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("previous")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half writ")
        raise RuntimeError("crash mid-write")
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_directory_swap_is_all_or_nothing(tmp_path):
    target = tmp_path / "2026-W43"
    target.mkdir()
    (target / "report.html").write_text("v1")
    with pytest.raises(ValueError), atomic_directory(target) as tmp:
        (tmp / "report.html").write_text("v2-partial")
        raise ValueError("failed cell")
    assert (target / "report.html").read_text() == "v1"
    with atomic_directory(target) as tmp:
        (tmp / "report.html").write_text("v2")
    assert (target / "report.html").read_text() == "v2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-W43"]


def test_sweep_removes_what_killed_writers_left(tmp_path):
    target = tmp_path / "2026-W43"
    target.mkdir()
    (target / "report.html").write_text("v1")
    left_dir = tmp_path / ".2026-W43.k3j2.tmp"  # a kill -9 inside atomic_directory
    left_dir.mkdir()
    (left_dir / "report.ipynb").write_text("half")
    (tmp_path / ".2026-W43.old-4242").mkdir()  # killed between the two renames
    other = tmp_path / ".2026-W44.x.tmp"  # another report's: not ours to remove
    other.mkdir()
    removed = sweep_leftovers(target)
    assert sorted(p.name for p in removed) == [".2026-W43.k3j2.tmp", ".2026-W43.old-4242"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".2026-W44.x.tmp", "2026-W43"]
    assert (target / "report.html").read_text() == "v1"
