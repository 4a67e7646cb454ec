import sys, pathlib; sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3]))
from bench.goldcheck import main; sys.exit(main(pathlib.Path(__file__).resolve().parent, sys.argv[1:]))
