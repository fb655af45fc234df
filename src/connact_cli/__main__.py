from connact_cli.cli import main

main()
