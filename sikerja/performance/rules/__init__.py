"""Pure rules of pengelolaan kinerja: no database, no request."""
