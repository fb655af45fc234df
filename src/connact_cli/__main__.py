"""`python -m connact_cli`: the same entry point as the `connact` command."""

from connact_cli.cli import main

main()
