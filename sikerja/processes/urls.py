app_name = "proses"
urlpatterns = []
