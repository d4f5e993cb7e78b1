"""``wmo-exchange``: the files the gemeente exchanges with the CAK, the SVB and care providers.

Exports read the services' cursor feeds page by page and write files (exactly once in effect,
resumable); imports send received files to the services and write their answers next to them.
See docs/exchange.md.
"""
