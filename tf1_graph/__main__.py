"""`python -m tf1_graph`: the question's TF1 experiment, buggy wiring then fixed."""

from common.cli import main

raise SystemExit(main("tf1_graph"))
