"""The base below both sides: the store connection and its shape, the reference data, the settings (read at
call time), the store's errors and the audit log. Used by pipelines/ (write side), analytics/ (read side),
toegang/, kader/ and weergave/; it imports none of them."""
