"""The read side: one named function per question the pages ask, SQL in analytics/sql/.

Nothing here imports Streamlit; the pages, the exports and the CLI all call these functions.
"""
