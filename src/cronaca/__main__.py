from cronaca.cli import run

run()
