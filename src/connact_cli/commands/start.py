"""`connact` alone: what connact does, and the few commands a newcomer starts with."""

from __future__ import annotations

START_HERE = """\
connact helps you design a migrant-integration programme and write its plan.

Start here:
  connact plan                                 answer questions, get a plan
  connact checklists list                      what the interview asks about
  connact practices search cultural mediator   practices with all these words
  connact practices show iwg-limerick-ie       one practice in full

Every command and option: connact --help
"""


def start_here() -> None:
    print(START_HERE, end="")
