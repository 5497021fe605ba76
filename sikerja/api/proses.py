from ninja import Router

from sikerja.api.auth import API_AUTH

router = Router(auth=API_AUTH, tags=["Proses bisnis"])
