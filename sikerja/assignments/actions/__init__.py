"""Writes of penugasan, one module per transition (after Zulip's ``zerver/actions/``):
``propose`` (penunjukan), ``apply`` (pengajuan sukarela), ``decide`` (answer a step),
``issue`` (the letter), ``cancel`` (withdraw). ``common`` holds what they share: input checks,
who holds which role, locking. Letter wording lives in ``sikerja.assignments.letter_content``.

Concurrency: every transition locks the assignment row (SELECT ... FOR UPDATE on PostgreSQL)
and then moves a step with a compare-and-set UPDATE (``status='menunggu'`` in the WHERE), so a
request answered twice, or by two leaders at once, ends in exactly one recorded decision.
"""
