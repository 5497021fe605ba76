"""Help inside the application (PLT-7): a guide per role and per flow, as data."""
