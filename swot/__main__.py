from swot.cli import main

main()
