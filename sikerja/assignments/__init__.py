"""Penugasan dan tim kerja (issue 5). So far only the pure decision rules live here (``rules``);
the app is not yet in INSTALLED_APPS because it has no models."""
