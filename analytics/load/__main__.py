"""``python -m analytics.load [docs/loading.md]``: rewrite the vendor table from the registry."""

import sys
from pathlib import Path

from analytics.load.vendors import with_docs_table

docs = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/loading.md")
docs.write_text(with_docs_table(docs.read_text(encoding="utf-8")), encoding="utf-8")
print(f"rewrote the vendor table in {docs}")
