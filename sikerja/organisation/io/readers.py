"""Read an uploaded CSV or XLSX into rows of text (ORG-7). No ORM.

Every cell becomes a stripped string; a column absent from the file is absent from the row
dict (so an update leaves that field alone). Row numbers are the spreadsheet's own line
numbers (the header is row 1), so an administrator can find each reported row in Excel.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from sikerja.organisation.io.sheets import SheetSpec

MAX_ROWS = 20_000
MAX_COLUMNS = 60
EXTENSIONS = (".csv", ".xlsx")


class ReadError(ValueError):
    """The file as a whole cannot be used; the message is for the administrator."""


@dataclass
class Table:
    headers: list[str]
    rows: list[dict] = field(default_factory=list)  # {"row": n, "values": {column: text}}
    ignored_columns: list[str] = field(default_factory=list)


def read_table(filename: str, content: bytes, spec: SheetSpec) -> Table:
    name = (filename or "").lower()
    if name.endswith(".xls"):
        raise ReadError(_('Format .xls (Excel 97–2003) tidak didukung. Simpan ulang sebagai .xlsx atau .csv.'))
    if not name.endswith(EXTENSIONS):
        raise ReadError(_('Jenis berkas tidak didukung. Unggah berkas .csv atau .xlsx.'))
    if not content:
        raise ReadError("Berkas kosong.")
    raw_rows = _read_xlsx(content, spec) if name.endswith(".xlsx") else _read_csv(content)
    return _to_table(raw_rows, spec)


# --- CSV ---------------------------------------------------------------------------------
def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # "CSV (Comma delimited)" from Excel on Windows is saved in the ANSI code page.
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError:
        raise ReadError(_('Berkas CSV tidak dapat dibaca: simpan dengan pengodean UTF-8.')) from None


def _delimiter(text: str) -> str:
    # Excel with Indonesian regional settings writes ';' because ',' is the decimal mark.
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_csv(content: bytes):
    text = _decode(content)
    if "\x00" in text:
        raise ReadError(_('Berkas CSV tidak dapat dibaca (berisi data biner). Apakah ini berkas .xlsx?'))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        yield from reader
    except csv.Error as exc:
        raise ReadError(_('Berkas CSV rusak pada baris %(line_num)s: %(exc)s.') % {"line_num": reader.line_num, "exc": exc}) from None


# --- XLSX --------------------------------------------------------------------------------
def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float):
        # A large float is a number Excel already rounded (e.g. a NIP typed as a number):
        # keep its scientific form so validation reports it instead of importing wrong digits.
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value).upper() if abs(value) >= 1e15 else str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _read_xlsx(content: bytes, spec: SheetSpec):
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # zip, XML or format errors: openpyxl raises many kinds
        raise ReadError(
            _('Berkas XLSX tidak dapat dibaca. Pastikan berkas dibuat dengan Excel/LibreOffice dan tidak rusak.')
        ) from None
    try:
        titles = {ws.title.strip().lower(): ws for ws in wb.worksheets}
        ws = titles.get(spec.title.lower()) or (wb.worksheets[0] if wb.worksheets else None)
        if ws is None:
            raise ReadError(_('Berkas XLSX tidak mempunyai lembar kerja.'))
        try:
            for values in ws.iter_rows(values_only=True, max_col=MAX_COLUMNS):
                yield [_cell_text(v) for v in values]
        except ReadError:
            raise
        except Exception:
            raise ReadError(_('Isi berkas XLSX tidak dapat dibaca (lembar kerja rusak).')) from None
    finally:
        wb.close()


# --- common ------------------------------------------------------------------------------
def _header(text: str) -> str:
    return "_".join(text.strip().strip("*").strip().lower().split())


def _to_table(raw_rows, spec: SheetSpec) -> Table:
    headers: list[str] | None = None
    table: Table | None = None
    for number, cells in enumerate(raw_rows, 1):
        cells = [_unescape(c.strip()) if isinstance(c, str) else _cell_text(c) for c in cells[:MAX_COLUMNS]]
        if headers is None:
            if not any(cells):
                continue  # blank lines before the header
            while cells and not cells[-1]:
                cells.pop()  # read_only XLSX pads rows to the widest one
            headers = [_header(c) for c in cells]
            _check_headers(headers, spec)
            known = set(spec.headers)
            table = Table(headers=headers, ignored_columns=[h for h in headers if h and h not in known])
            positions = {}
            for i, h in enumerate(headers):
                if h in known and h not in positions:
                    positions[h] = i
            continue
        if not any(cells):
            continue  # Excel leaves blank rows; they are not data
        if len(table.rows) >= MAX_ROWS:
            raise ReadError(
                _('Berkas berisi lebih dari %(max_rows)s baris data; pecah menjadi beberapa berkas.') % {"max_rows": format(MAX_ROWS, ",").replace(",", ".")}
            )
        values = {h: (cells[i] if i < len(cells) else "") for h, i in positions.items()}
        table.rows.append({"row": number, "values": values})
    if headers is None:
        raise ReadError(_('Berkas kosong: tidak ada baris judul kolom.'))
    if not table.rows:
        raise ReadError(_('Berkas tidak berisi baris data (hanya judul kolom).'))
    return table


def _check_headers(headers: list[str], spec: SheetSpec) -> None:
    missing = [h for h in spec.required_headers if h not in headers]
    if missing:
        raise ReadError(
            _('Kolom wajib tidak ada: %(missing)s. Baris pertama harus berisi judul kolom lembar %(title)s: %(headers)s.') % {"missing": ', '.join(missing), "title": spec.title, "headers": ', '.join(spec.headers)}
        )
    dupes = sorted({h for h in headers if h and headers.count(h) > 1})
    if dupes:
        raise ReadError(f"Judul kolom ganda: {', '.join(dupes)}.")


def _unescape(text: str) -> str:
    """Undo the exporter's formula guard: "'=x" is the text "=x" (see exporters.csv_safe)."""
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        return text[1:]
    return text
