"""The DOCX opens in LibreOffice (Debian libreoffice-writer, headless) and converts to PDF."""

import shutil
import subprocess

import pytest

from sikerja.letters.models import DocumentKind
from sikerja.letters.tests.conftest import pdf_text, squash

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.req("PEN-15"),
    pytest.mark.django_db,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed: apt-get install libreoffice-writer-nogui"),
]


@pytest.mark.parametrize(
    "kind",
    [DocumentKind.SURAT_PERINTAH, DocumentKind.KEPUTUSAN, DocumentKind.NOTA_DINAS_PERMOHONAN, DocumentKind.PERJANJIAN_KINERJA],
)
def test_libreoffice_converts_the_docx(kind, issue, tmp_path):
    doc = issue(kind)
    src = tmp_path / "naskah.docx"
    src.write_bytes(bytes(doc.docx))
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(src)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = tmp_path / "naskah.pdf"
    assert out.exists(), result.stdout + result.stderr
    text = squash(pdf_text(out.read_bytes()))
    assert doc.number in text
