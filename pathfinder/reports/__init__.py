"""Reports: turn data that other apps give us (tables, series, text) into charts and files.

This app imports no other Pathfinder app's models. A caller builds the content
(`content.py`), then renders it: `charts.render_svg` for a page, or the functions
in `exports.py` for a download (CSV, Excel, PDF, Word).
"""
