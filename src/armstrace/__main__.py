"""`python -m armstrace`: the same as the `armstrace` command."""
from .cli import main

main()
