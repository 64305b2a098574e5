"""The Halfjaarrapportage (issue 14): the report model (model, samenvatting) and its renderers (html, pdf, excel)."""
