"""Who sees what, page by page: another region never; outside one's subtree no personal data."""

import pytest
from django.test import Client
from django.urls import reverse

from sikerja.organisation.models import Employee, Unit
from sikerja.testing.factories import UserFactory


def unit(builder, code):
    return Unit.objects.get(region=builder.region, code=code)


def staff_of(builder, code):
    return Employee.objects.filter(region=builder.region, unit__code=code, position__is_leader=False).order_by("pk").first()


def page_urls(builder):
    pd = unit(builder, "BKPSDM")
    emp = staff_of(builder, "BKPSDM.BID1")
    return [
        reverse("web:unit_detail", args=[pd.pk]),
        reverse("web:unit_children", args=[pd.pk]),
        reverse("web:org_chart", args=[pd.pk]),
        reverse("web:employee_detail", args=[emp.pk]),
    ]


ALL_PAGES = ["web:home", "web:unit_tree", "web:employee_list", "web:profile"]


@pytest.mark.req("PRF-3")
def test_anonymous_users_are_sent_to_login(demo):
    client = Client()
    for url in [reverse(n) for n in ALL_PAGES] + page_urls(demo):
        response = client.get(url)
        assert response.status_code == 302 and "/masuk/" in response["Location"], url


@pytest.mark.req("PRF-3")
def test_another_region_sees_nothing_of_this_one(demo, other_demo, login):
    client = login("lain.admin.bkpsdm")  # region-wide admin, but of the other region
    for url in page_urls(demo):
        assert client.get(url).status_code == 404, url
    listing = client.get(reverse("web:employee_list"), {"q": staff_of(demo, "BKPSDM.BID1").name}).content.decode()
    assert staff_of(demo, "BKPSDM.BID1").nip not in listing
    tree = client.get(reverse("web:unit_tree")).content.decode()
    assert "Kabupaten Teluk Damai" in client.get(reverse("web:home")).content.decode()
    assert f'data-unit="{unit(demo, "BKPSDM").pk}"' not in tree
    search = client.get(reverse("web:unit_tree"), {"q": "BKPSDM"}).content.decode()
    assert f'/organisasi/unit/{unit(demo, "BKPSDM").pk}/' not in search


@pytest.mark.req("PRF-3")
def test_region_switch_only_to_own_regions(demo, other_demo, login):
    client = login("lain.admin.bkpsdm")
    response = client.post(reverse("web:switch_region"), {"region": demo.region.pk})
    assert response.status_code == 404
    assert client.post(reverse("web:switch_region"), {"region": "x"}).status_code == 400
    superuser = UserFactory(username="root", is_superuser=True)
    su = Client()
    su.force_login(superuser)
    assert su.post(reverse("web:switch_region"), {"region": other_demo.region.pk}).status_code == 302
    assert "Kabupaten Teluk Damai" in su.get(reverse("web:home")).content.decode()
    su.post(reverse("web:switch_region"), {"region": demo.region.pk})
    assert "Kabupaten Sungai Lestari" in su.get(reverse("web:home")).content.decode()


def test_user_without_any_role_is_refused_clearly(demo):
    client = Client()
    client.force_login(UserFactory(username="tanpa.peran"))
    response = client.get(reverse("web:home"))
    assert response.status_code == 403
    assert "belum terdaftar" in response.content.decode()


@pytest.mark.req("PRF-3")
def test_outside_my_subtree_no_personal_data(demo, login):
    client = login("kadis.kominfo")
    outsider = staff_of(demo, "BKPSDM.BID1")
    assert client.get(reverse("web:employee_detail", args=[outsider.pk])).status_code == 404
    page = client.get(reverse("web:unit_detail", args=[unit(demo, "BKPSDM").pk])).content.decode()
    assert "di luar cakupan Anda" in page
    assert outsider.nip not in page
    assert 'id="peta-jabatan"' in page  # structure stays visible (MEK-5 transparency)
    listing = client.get(reverse("web:employee_list"), {"q": outsider.name}).content.decode()
    assert outsider.nip not in listing


def test_inside_my_subtree_everything(demo, login):
    client = login("kadis.kominfo")
    insider = staff_of(demo, "DISKOMINFO.BID1.S1") or staff_of(demo, "DISKOMINFO.BID1")
    page = client.get(reverse("web:employee_detail", args=[insider.pk])).content.decode()
    assert insider.nip in page
    unit_page = client.get(reverse("web:unit_detail", args=[insider.unit_id])).content.decode()
    assert insider.nip in unit_page


def test_pegawai_sees_only_own_personal_data(demo, login):
    client = login("pegawai.kominfo")
    me = Employee.objects.get(user__username="pegawai.kominfo")
    assert client.get(reverse("web:employee_detail", args=[me.pk])).status_code == 200
    colleague = Employee.objects.filter(unit=me.unit).exclude(pk=me.pk).first()
    assert client.get(reverse("web:employee_detail", args=[colleague.pk])).status_code == 404
    listing = client.get(reverse("web:employee_list")).content.decode()
    assert me.nip in listing and colleague.nip not in listing


def test_region_wide_roles_see_the_whole_region(demo, login):
    client = login("admin.bkpsdm")
    for code in ("BKPSDM.BID1", "DISKOMINFO.BID1", "SETWAN.B1"):
        emp = staff_of(demo, code)
        assert client.get(reverse("web:employee_detail", args=[emp.pk])).status_code == 200


def test_bad_query_parameters_never_fail(demo, login):
    client = login("admin.bkpsdm")
    for params in ({"hal": "abc"}, {"hal": "99999"}, {"status": "zzz"}, {"jenis": "<script>"}, {"q": "x" * 500}):
        assert client.get(reverse("web:employee_list"), params).status_code == 200
    assert client.get(reverse("web:unit_tree"), {"q": "%%%"}).status_code == 200
    assert client.get("/organisasi/unit/999999999/").status_code == 404
    assert client.get("/pegawai/999999999/").status_code == 404
