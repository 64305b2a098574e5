"""Who someone is (local accounts, the roles file, the Kijker) and what they may see and do (beleid: the one access
policy). No Streamlit here."""
