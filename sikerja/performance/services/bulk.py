"""Set-based writes for opening a year (issue 13, Performance): one ``INSERT … SELECT`` lets
the database copy rows it already holds (placements into SKP drafts, MPH targets into IKI)
instead of building one Python object per employee and sending it back. The SELECT is an
ordinary queryset, so its filters (region, year, status) are the ORM's, with its quoting. Rows
computed in Python go as one JSON parameter. The SQL text is built only from table and column
names of the models (quoted by the backend), never from a value: hence the S608 waivers."""

from __future__ import annotations

from django.db import connection


def insert_select(model, queryset, columns: dict) -> int:
    """Insert into ``model`` one row per row of ``queryset``: ``columns`` maps each field name
    to an expression over that queryset (F, Value, Case). Returns the number of rows."""
    qn = connection.ops.quote_name
    aliases = {f"ins_{name}": expr for name, expr in columns.items()}
    sql, params = queryset.order_by().annotate(**aliases).values_list(*aliases).query.sql_with_params()
    targets = ", ".join(qn(model._meta.get_field(name).column) for name in columns)
    picks = ", ".join(f"picked.{qn(alias)}" for alias in aliases)
    with connection.cursor() as cursor:
        # The select is wrapped so the inserted columns are picked by alias, whatever order the
        # ORM gives the annotations in.
        cursor.execute(
            f"INSERT INTO {qn(model._meta.db_table)} ({targets}) SELECT {picks} FROM ({sql}) picked",  # noqa: S608
            params,
        )
        return max(cursor.rowcount, 0)


def insert_rows(model, columns: list[str], rows: list[tuple]) -> int:
    """Insert rows computed in Python in one statement whatever their number: they travel as a
    single JSON parameter that the database unpacks (SQLite ``json_each``, PostgreSQL
    ``jsonb_to_recordset``). ``bulk_create`` would send one INSERT per 999 parameters on SQLite,
    so the statements would grow with the region. Other backends fall back to it."""
    import json

    if not rows:
        return 0
    fields = [model._meta.get_field(name) for name in columns]
    qn = connection.ops.quote_name
    targets = ", ".join(qn(f.column) for f in fields)
    payload = json.dumps([list(r) for r in rows])
    if connection.vendor == "sqlite":
        picks = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(len(fields)))
        sql = f"INSERT INTO {qn(model._meta.db_table)} ({targets}) SELECT {picks} FROM json_each(%s)"  # noqa: S608
    elif connection.vendor == "postgresql":
        names = [f"c{i}" for i in range(len(fields))]
        record = ", ".join(f"{n} {f.db_type(connection)}" for n, f in zip(names, fields, strict=True))
        sql = (
            f"INSERT INTO {qn(model._meta.db_table)} ({targets}) SELECT {', '.join(names)}"  # noqa: S608
            f" FROM jsonb_to_recordset(%s::jsonb) AS x({record})"
        )
        payload = json.dumps([dict(zip(names, r, strict=True)) for r in rows])
    else:  # pragma: no cover - the project runs on SQLite and PostgreSQL
        model.objects.bulk_create([model(**dict(zip(columns, r, strict=True))) for r in rows])
        return len(rows)
    with connection.cursor() as cursor:
        cursor.execute(sql, [payload])
        return len(rows)


def reserve_ids(model, n: int) -> list[int]:
    """``n`` primary keys for rows about to be inserted, so rows written in one statement can
    point at each other (an RHK at its superior's RHK) without an UPDATE afterwards.
    PostgreSQL draws them from the column's sequence (safe beside other writers). On SQLite the
    project's transactions begin IMMEDIATE (settings: one writer holds the lock from BEGIN), so
    the ids after both the table's largest and its AUTOINCREMENT counter are this
    transaction's; never reused after a delete either."""
    if n <= 0:
        return []
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, pk, n])
            return sorted(r[0] for r in cursor.fetchall())
        qn = connection.ops.quote_name
        cursor.execute(
            f"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0),"  # noqa: S608
            f" COALESCE((SELECT MAX({qn(pk)}) FROM {qn(table)}), 0))",
            [table],
        )
        last = cursor.fetchone()[0]
        return list(range(last + 1, last + 1 + n))
