"""``crisis-analytics lab``: the save hook that keeps the bundled templates output-free."""

from __future__ import annotations

import copy

from analytics.report.lab import TEMPLATES, lab_arguments, strip_template_outputs

RUN = {
    "type": "notebook",
    "content": {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "# t"},
            {
                "cell_type": "code", "execution_count": 3,
                "metadata": {"tags": ["parameters"], "execution": {"iopub.status.idle": "x"}},
                "outputs": [{"output_type": "stream", "name": "stdout", "text": "7,660\n"}],
                "source": "print(1)",
            },
        ]
    },
}  # fmt: skip


def test_a_template_is_saved_without_outputs() -> None:
    model = copy.deepcopy(RUN)
    strip_template_outputs(model, "explore.ipynb")
    code = model["content"]["cells"][1]
    assert code["outputs"] == [] and code["execution_count"] is None
    assert code["metadata"] == {"tags": ["parameters"]}  # the template's own metadata kept
    assert model["content"]["cells"][0] == RUN["content"]["cells"][0]


def test_other_notebooks_keep_their_outputs() -> None:
    model = copy.deepcopy(RUN)
    strip_template_outputs(model, "my_analysis.ipynb")
    assert model == RUN
    text = {"type": "file", "content": "explore"}
    strip_template_outputs(text, "explore.ipynb")
    assert text == {"type": "file", "content": "explore"}


def test_lab_command_sets_the_hook_and_the_kernel(tmp_path) -> None:
    args = lab_arguments(tmp_path, port=8899, token="t")
    assert "--ContentsManager.pre_save_hook=analytics.report.lab.strip_template_outputs" in args
    assert "--MappingKernelManager.default_kernel_name=crisis-analytics" in args
    assert f"--ServerApp.root_dir={tmp_path}" in args and "--ServerApp.port=8899" in args
    assert set(TEMPLATES) == {"crisis_review.ipynb", "explore.ipynb", "weekly_reputation.ipynb"}
