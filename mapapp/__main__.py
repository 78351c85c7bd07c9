"""`python -m mapapp ARGS` runs `chronotope ARGS`, for scripts that name the interpreter."""
from mapapp.cli import main

main()
