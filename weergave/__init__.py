"""How numbers, dates, charts and downloads look to Dutch users.

- `formaat`: pure functions that turn numbers and dates into Dutch text ("1.234", "12,5%", "okt 2026").
- `grafieken`: plotly figures from tidy DataFrames, with Dutch labels and a one-sentence description.
- `downloads`: Excel and Dutch-Excel CSV bytes, and the two download buttons (the only Streamlit code here).
"""
