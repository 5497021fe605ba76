from django.http import HttpResponse

from sikerja.web.decorators import region_view


@region_view
def index(request, actor):
    return HttpResponse("Impor/ekspor belum tersedia.")
