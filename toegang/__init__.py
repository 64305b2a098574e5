"""Who someone is and what they may see: local accounts, the roles file. No Streamlit here."""
