"""Issue 10 item 4: an external member's agency AND position reach the lampiran of the letter,
the page and the API; the form reads "Nama; Instansi; Jabatan (; NIP)"."""

import pytest

from sikerja.assignments import services
from sikerja.assignments.forms import ProposeForm
from sikerja.assignments.services import MemberInput
from sikerja.assignments.tests.people import END, START, actor, emp, unit


def _parse(text):
    form = ProposeForm()
    form.cleaned_data = {"external_members": text}
    return form.clean_external_members()


@pytest.mark.req("PEN-15")
def test_the_form_reads_name_agency_position_and_an_optional_nip():
    rows = _parse(
        "Ir. Budi Santoso; Dinas Kominfo Provinsi Kalimantan Timur; Kepala Bidang Aplikasi; 198001012005011001\n"
        "Dr. Sari; Universitas Mulawarman\n"
        "Andi; Kantor Pos; 198001012005011002"
    )
    assert rows == [
        {"name": "Ir. Budi Santoso", "org": "Dinas Kominfo Provinsi Kalimantan Timur", "position": "Kepala Bidang Aplikasi",
         "nip": "198001012005011001"},
        {"name": "Dr. Sari", "org": "Universitas Mulawarman", "position": "", "nip": ""},
        {"name": "Andi", "org": "Kantor Pos", "position": "", "nip": "198001012005011002"},
    ]  # fmt: skip
    from django import forms

    with pytest.raises(forms.ValidationError, match="18 angka"):
        _parse("Budi; Pemprov; Kepala Bidang; 12345")
    with pytest.raises(forms.ValidationError, match="Nama; Instansi; Jabatan"):
        _parse("Budi saja")


@pytest.mark.req("PEN-15")
def test_the_lampiran_names_the_external_members_agency_and_position(demo, client):
    region = demo.region
    external = MemberInput(external_name="Ir. Budi Santoso", external_org="Pemerintah Provinsi Kalimantan Timur",
                           external_position="Kepala Bidang Aplikasi Informatika")  # fmt: skip
    a = services.propose(
        actor=actor("kabid.aptika"), form="tim_kerja", owning_unit_id=unit(region, "DISKOMINFO.BID1").pk,
        members=[MemberInput(emp("pegawai.kominfo").pk, role="ketua"), external], title="Tim integrasi data",
        purpose="Integrasi data layanan", target="Data terintegrasi", starts_on=START, ends_on=END,
        competences=["Basis data"], hours_per_week=4,
    )  # fmt: skip
    a.refresh_from_db()
    budi = next(p["person"] for p in a.letter.payload["team"] if p["person"]["name"] == "Ir. Budi Santoso")
    assert (budi["jabatan"], budi["unit"]) == ("Kepala Bidang Aplikasi Informatika", "Pemerintah Provinsi Kalimantan Timur")
    client.force_login(emp("kabid.aptika").user)
    page = client.get(f"/penugasan/{a.pk}/").content.decode()
    assert "Kepala Bidang Aplikasi Informatika · Pemerintah Provinsi Kalimantan Timur" in page
