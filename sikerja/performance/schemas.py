"""Output schemas of the kinerja API (``sikerja.api.kinerja``); descriptions in Indonesian."""

import datetime as dt

from ninja import Field, Schema


class IkiOut(Schema):
    id: int = Field(..., description="ID indikator kinerja individu.")
    aspek: str = Field(..., description="Aspek (SKP JA/JF): kuantitas, kualitas, waktu, biaya; kosong untuk SKP JPT.")
    indikator: str = Field(..., description="Indikator kinerja individu.")
    target: str = Field(..., description="Target.")


class RhkOut(Schema):
    id: int = Field(..., description="ID rencana hasil kerja.")
    kind: str = Field(..., description="utama atau tambahan.")
    text: str = Field(..., description="Rencana hasil kerja.")
    intervened_id: int | None = Field(None, description="ID RHK atasan yang diintervensi (SKP JA/JF).")
    perspektif: str = Field(..., description="Perspektif (SKP JPT).")
    approach: str = Field(..., description="kuantitatif atau kualitatif.")
    role: str = Field(..., description="Peran dalam matriks peran hasil: individu, ketua, anggota.")
    ikis: list[IkiOut] = Field(..., description="Indikator dan target.")

    @staticmethod
    def resolve_ikis(obj):
        return list(obj.ikis.all())


class SkpOut(Schema):
    id: int = Field(..., description="ID SKP.")
    year: int = Field(..., description="Tahun.")
    version: int = Field(..., description="Versi (bertambah bila diubah setelah disetujui).")
    is_current: bool = Field(..., description="true untuk versi yang berlaku.")
    form: str = Field(..., description="jpt atau ja_jf.")
    status: str = Field(..., description="draf, diajukan, disetujui, dikembalikan.")
    status_label: str = Field(..., description="Nama status.")
    employee_id: int = Field(..., description="ID pegawai.")
    employee_name: str = Field(..., description="Nama pegawai.")
    assessor_id: int = Field(..., description="ID pejabat penilai kinerja (dari kedudukan).")
    assessor_name: str = Field(..., description="Nama pejabat penilai kinerja.")

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_employee_name(obj) -> str:
        return obj.employee.name

    @staticmethod
    def resolve_assessor_name(obj) -> str:
        return obj.assessor.name


class ExpectationOut(Schema):
    value: str = Field(..., description="Nilai BerAKHLAK.")
    label: str = Field(..., description="Nama nilai.")
    guides: list[str] = Field(..., description="Tiga panduan perilaku.")
    text: str = Field(..., description="Ekspektasi khusus pimpinan.")


class SkpDetailOut(SkpOut):
    rhks: list[RhkOut] = Field(..., description="Rencana hasil kerja.")
    expectations: list[ExpectationOut] = Field(..., description="Perilaku kerja: tujuh nilai BerAKHLAK.")
    dukungan_sumber_daya: str = Field(..., description="Lampiran: dukungan sumber daya.")
    skema_pertanggungjawaban: str = Field(..., description="Lampiran: skema pertanggungjawaban.")
    konsekuensi: str = Field(..., description="Lampiran: konsekuensi.")
    return_notes: str = Field(..., description="Catatan pengembalian oleh pejabat penilai.")

    @staticmethod
    def resolve_rhks(obj):
        return list(obj.rhks.prefetch_related("ikis"))

    @staticmethod
    def resolve_expectations(obj):
        from sikerja.performance.rules import berakhlak

        texts = {e.value: e.text for e in obj.expectations.all()}
        return [
            {"value": k, "label": label, "guides": list(g), "text": texts.get(k, "")}
            for k, label, g in berakhlak.VALUES
        ]


class EvaluationOut(Schema):
    id: int = Field(..., description="ID evaluasi.")
    skp_id: int = Field(..., description="ID SKP.")
    employee_id: int = Field(..., description="ID pegawai.")
    period_id: int = Field(..., description="ID periode.")
    period_label: str = Field(..., description="Nama periode.")
    rating_hasil: str = Field(..., description="di_atas, sesuai, di_bawah.")
    rating_perilaku: str = Field(..., description="di_atas, sesuai, di_bawah.")
    predikat: str = Field(..., description="sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang.")
    predikat_label: str = Field(..., description="Nama predikat.")
    hasil_from_unit: bool = Field(..., description="true bila rating hasil kerja = capaian unit (pimpinan unit).")
    status: str = Field(..., description="draf atau final.")
    finalised_at: dt.datetime | None = Field(None, description="Waktu final.")

    @staticmethod
    def resolve_period_label(obj) -> str:
        return str(obj.period)

    @staticmethod
    def resolve_predikat_label(obj) -> str:
        return obj.get_predikat_display()


class BreachOut(Schema):
    rule: str = Field(..., description="Kode aturan pola distribusi yang dilanggar.")
    message: str = Field(..., description="Penjelasan: aturan, jumlah, batas, selisih orang.")
    count: int = Field(..., description="Jumlah pegawai dengan predikat yang diatur.")
    allowed: int = Field(..., description="Batas orang (paling sedikit atau paling banyak).")
    people: int = Field(..., description="Berapa orang harus berubah predikat agar aturan terpenuhi.")


class CurveOut(Schema):
    unit_id: int = Field(..., description="Unit yang diminta.")
    checked_unit_id: int = Field(
        ..., description="Unit yang pola distribusinya diperiksa (PD bila profil menetapkan per PD)."
    )
    period_id: int = Field(..., description="Periode.")
    org_predikat: str | None = Field(None, description="Predikat kinerja organisasi; null bila belum ditetapkan.")
    n: int = Field(..., description="Jumlah pegawai yang dinilai.")
    counts: dict[str, int] = Field(..., description="Jumlah per predikat.")
    breaches: list[BreachOut] = Field(..., description="Aturan yang dilanggar; kosong bila sesuai.")
    fits: bool = Field(..., description="true bila predikat organisasi ditetapkan dan tidak ada pelanggaran.")
