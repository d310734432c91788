"""The findings and crisis notes in Bahasa Indonesia: the tables of
:mod:`analytics.report.messages` with the same codes and the same placeholders.

A code missing here is written in English and fails ``tests/test_report_lang.py``.
"""

from __future__ import annotations

from analytics.measure.crisis.notes import NoteCode
from analytics.measure.lessons import FindingCode

FINDING_TEXT: dict[FindingCode, str] = {
    FindingCode.CRISIS_DURATION: (
        "Krisis berlangsung {recovery_hours:dur} dari awal hingga pulih."
    ),
    FindingCode.SENTIMENT_BACK: (
        "Sentimen bersih setelah krisis kembali ke tingkat sebelum krisis."
    ),
    FindingCode.SENTIMENT_BELOW: (
        "Sentimen bersih setelah krisis {size:.2f} di bawah tingkat sebelum krisis."
    ),
    FindingCode.SENTIMENT_ABOVE: (
        "Sentimen bersih setelah krisis {size:.2f} di atas tingkat sebelum krisis."
    ),
    FindingCode.NO_RESPONSE: (
        "Tidak ada tanggapan merek yang ditemukan dalam data selama jendela krisis, padahal "
        "ada {brand_posts} unggahan akun merek dalam data. Jika merek menanggapi di kanal "
        "yang tidak diekspor, tambahkan kanal itu (ekspor kanal milik sendiri atau berkas "
        "peristiwa)."
    ),
    FindingCode.NO_RESPONSE_FOUND: (
        "Tidak ada tanggapan merek yang ditemukan dalam data selama jendela krisis. Jika "
        "merek menanggapi di kanal yang tidak diekspor, tambahkan kanal itu (ekspor kanal "
        "milik sendiri atau berkas peristiwa)."
    ),
    FindingCode.RESPONSE_NOT_MEASURED: (
        "Waktu hingga tanggapan pertama tidak terukur: {message:value}."
    ),
    FindingCode.FIRST_RESPONSE: (
        "Tanggapan pertama dalam data muncul {hours:dur} setelah awal krisis ({type:kind} "
        "di {channel}) (target: dalam {target_hours:dur})."
    ),
    FindingCode.FIRST_RESPONSE_UNTYPED: (
        "Tanggapan pertama dalam data muncul {hours:dur} setelah awal krisis "
        "(target: dalam {target_hours:dur})."
    ),
    FindingCode.CADENCE: (
        "Jeda terpanjang antar-tanggapan {max_gap_hours:dur} "
        "(target: kabar terbaru setidaknya setiap {target_hours:dur})."
    ),
    FindingCode.REPLIES: (
        "Merek membalas {reply_rate:pct0} sebutan negatif pelanggan ({replied} dari "
        "{negative_mentions}; target {target_rate:pct0})."
    ),
    FindingCode.REPLIES_TIMED: (
        "Merek membalas {reply_rate:pct0} sebutan negatif pelanggan ({replied} dari "
        "{negative_mentions}; target {target_rate:pct0}); median waktu balasan "
        "{median_reply_hours:dur}."
    ),
    FindingCode.EFFECT_NOT_ESTIMATED: ("Dampak {label} tidak dapat diperkirakan: {reason:value}."),
    FindingCode.EFFECT_LEVEL_FELL: (
        "Porsi negatif turun {change:apts} pada {label} (perubahan tingkat di luar tren, "
        "{interval}); rata-rata selama {window_hours:dur}: {before:pct0} sebelum, "
        "{after:pct0} sesudah."
    ),
    FindingCode.EFFECT_LEVEL_ROSE: (
        "Porsi negatif naik {change:apts} pada {label} (perubahan tingkat di luar tren, "
        "{interval}); rata-rata selama {window_hours:dur}: {before:pct0} sebelum, "
        "{after:pct0} sesudah."
    ),
    FindingCode.EFFECT_FELL: (
        "Porsi negatif turun dari {before:pct0} menjadi {after:pct0} dalam {window_hours:dur} "
        "setelah {label} ({interval})."
    ),
    FindingCode.EFFECT_ROSE: (
        "Porsi negatif naik dari {before:pct0} menjadi {after:pct0} dalam {window_hours:dur} "
        "setelah {label} ({interval})."
    ),
    FindingCode.EFFECT_SMALL: (
        "Porsi negatif nyaris tidak bergerak setelah {label}: {before:pct0} sebelum, "
        "{after:pct0} sesudah, perubahan di bawah {min_effect:apts} ({interval})."
    ),
    FindingCode.EFFECT_NONE: (
        "Tidak ada perubahan jelas pada porsi negatif setelah {label}: {before:pct0} sebelum, "
        "{after:pct0} sesudah ({interval})."
    ),
    FindingCode.EFFECT_OVERLAPS: (
        " Tanggapan lain jatuh di jendela yang sama, jadi perubahan itu juga milik mereka."
    ),
    FindingCode.CONSISTENT: (
        "{type:kinds} konsisten di semua kanal (rata-rata kemiripan "
        "{mean_similarity:.2f} dari 1 atas {pairs} pasang)."
    ),
    FindingCode.INCONSISTENT: (
        "{type:kinds} tidak konsisten antarkanal (rata-rata kemiripan "
        "{mean_similarity:.2f} dari 1 atas {pairs} pasang)."
    ),
    FindingCode.CLAIM_FIRST_SEEN: (
        "Klaim '{claim}' pertama muncul {published_at:when} di {platform:platform} oleh @{author}."
    ),
    FindingCode.CLAIM_KEPT_GROWING: (
        "Klaim '{claim}' terus menyebar selama {kept_growing_hours:dur} setelah klarifikasi "
        "{clarification_time:when}."
    ),
    FindingCode.CLAIM_SLOWED: (
        "Klaim '{claim}' melambat setelah klarifikasi {clarification_time:when} "
        "(pertumbuhan per jam {growth_per_hour_before:+.0%} sebelum, "
        "{growth_per_hour_after:+.0%} sesudah)."
    ),
    FindingCode.CLAIM_UNCLEAR: (
        "Tidak ada perubahan jelas dalam penyebaran klaim '{claim}' setelah klarifikasi "
        "{clarification_time:when}."
    ),
    FindingCode.COORDINATION: (
        "{share:pct} sebutan negatif datang dengan tanda koordinasi (klaster salin-tempel "
        "atau lonjakan akun baru atau akun sangat kecil)."
    ),
    FindingCode.COORDINATION_SIGNAL: (
        "Tanda koordinasi: {signal:value} sejak {start:when}, {accounts} akun, "
        "{mentions} sebutan ({share_of_negative:pct} dari sebutan negatif): {detail:value}."
    ),
    FindingCode.COORDINATION_SIGNAL_UNSHARED: (
        "Tanda koordinasi: {signal:value} sejak {start:when}, {accounts} akun, "
        "{mentions} sebutan (tanpa porsi): {detail:value}."
    ),
    FindingCode.PLATFORM_OPEN: "{platform:platform} belum pulih hingga akhir data.",
    FindingCode.PLATFORM_LAG: (
        "{platform:platform} pulih {lag_hours:dur} lebih lambat daripada {reference:platform}."
    ),
    FindingCode.STRATEGIES: "Tanggapan memakai postur SCCT {used:list}.",
    FindingCode.FIRST_REBUILD: (
        " Tanggapan pertama berpostur membangun kembali ({type:kind}) muncul "
        "{first_rebuild_hours:dur} setelah awal krisis."
    ),
    FindingCode.BRAND_POSTS_MISSING: (
        "Data tidak memuat satu pun unggahan akun resmi merek{handles}, jadi apakah dan "
        "bagaimana merek menanggapi tidak dapat dinilai dari data ini (ketiadaan dalam data "
        "bukan ketiadaan di dunia nyata). Tambahkan unggahannya: sebut akunnya dengan "
        "--handle (brand_handles), masukkan ekspor kanal milik sendiri (X analytics, Meta "
        "Business Suite, Sprout Social), atau cantumkan pernyataannya dalam berkas peristiwa "
        "(--events)."
    ),
}

NOTE_TEXT: dict[NoteCode, str] = {
    NoteCode.NO_CRISIS: (
        "Tidak ada krisis terdeteksi: tidak ada kenaikan berkelanjutan di atas rentang normal "
        "untuk waktu ini."
    ),
    NoteCode.OPEN_END: (
        "Percakapan belum kembali ke rentang normalnya hingga akhir data ({data_end}), jadi "
        "akhir krisis dan waktu pemulihan tidak diketahui."
    ),
    NoteCode.NO_SENTIMENT_GAP: (
        "Selisih sentimen tidak dapat diukur: tidak ada sebutan positif atau negatif dalam "
        "{gap_days:g} hari sebelum awal krisis atau setelah akhirnya."
    ),
    NoteCode.MANUAL_SHORT_HISTORY: (
        "Riwayat terlalu pendek untuk tingkat peringatan; jendela itu sendiri tetap diukur."
    ),
    NoteCode.WINDOW_PAST_DATA: (
        "Jendela berakhir setelah data berakhir ({data_end}); fase pascakrisis dan selisih "
        "sentimen tidak dapat diukur."
    ),
    NoteCode.PLATFORM_NO_CRISIS: "tidak ada krisis terdeteksi di platform ini",
    NoteCode.TOO_SHORT: "{reason:value}",
    NoteCode.ONSET_AT_DATA_START: (
        "Awal krisis pada atau sebelum awal data ({data_start}): data dimulai di tengah "
        "periode yang meningkat, jadi krisis mungkin sudah dimulai lebih awal; hari-hari "
        "pertamanya dibandingkan dengan hari-hari sesudahnya."
    ),
    NoteCode.SHORT_BASELINE: (
        "Hanya {hours} jam data sebelum awal krisis (garis dasar minimum {minimum_days} "
        "hari), jadi jam-jam sebelumnya dibandingkan dengan jam yang sama pada hari-hari "
        "berikutnya."
    ),
}

NOTE_SHORT: dict[NoteCode, str] = {
    NoteCode.NO_CRISIS: "tidak ada krisis terdeteksi",
    NoteCode.OPEN_END: "belum kembali normal hingga akhir data",
    NoteCode.NO_SENTIMENT_GAP: "selisih sentimen tidak terukur",
    NoteCode.MANUAL_SHORT_HISTORY: "riwayat terlalu pendek untuk tingkat peringatan",
    NoteCode.WINDOW_PAST_DATA: "jendela berakhir setelah data",
    NoteCode.PLATFORM_NO_CRISIS: "tidak ada krisis terdeteksi di platform ini",
    NoteCode.TOO_SHORT: "data terlalu sedikit",
    NoteCode.ONSET_AT_DATA_START: "awal krisis pada atau sebelum awal data",
    NoteCode.SHORT_BASELINE: "garis dasar pendek sebelum awal krisis",
}

HISTORY_SHORT: dict[FindingCode, str] = {
    FindingCode.NO_RESPONSE_FOUND: "tidak ada tanggapan merek ditemukan dalam data",
}

SECTION_TEXT: dict[str, str] = {
    "no_competitor": (
        "Tidak ada merek pesaing di penyimpanan: pangsa suara memerlukan ekspor untuk "
        "setidaknya satu merek lain."
    ),
    "competitors_absent": (
        "Pangsa suara memerlukan sebutan dari setidaknya dua merek dalam periode ini; "
        "{absent} tidak memiliki sebutan di dalamnya (merek dengan sebutan: {present}). "
        "Masukkan "
        "ekspor mereka untuk periode ini, atau sebut merek lain (competitors)."
    ),
    "baseline_full": (
        "Garis dasar: {days} hari sebelum periode ({first:date} sampai {last:date})."
    ),
    "baseline_short": (
        "Garis dasar: data sebelum periode hanya mencakup {first:date} sampai {last:date} "
        "({held:.1f} dari {days} hari yang diminta)."
    ),
    "baseline_none": (
        "Garis dasar: tidak ada data sebelum periode; detektor membandingkan hari-hari "
        "pertama dengan hari-hari sesudahnya."
    ),
    "no_reach": (
        "Ekspor tidak memuat angka jangkauan untuk periode ini, jadi jangkauan potensial "
        "tidak ditampilkan (tidak diketahui, bukan nol)."
    ),
}

PARTS: dict[str, str] = {
    "label": "{type:kind} ({channel}, {time:when})",
    "interval": "interval 95% {ci_low:pts} sampai {ci_high:pts}",
}

# a report parameter in words, for the provenance footer and the method appendix
PARAMETER_TEXT: dict[str, str] = {
    "brand": "Merek",
    "week": "Minggu",
    "start": "Hari pertama",
    "end": "Hari terakhir",
    "store": "Folder penyimpanan",
    "tz": "Zona waktu",
    "compare_weeks": "Minggu yang dibandingkan",
    "brand_handles": "Akun resmi",
    "events": "Berkas peristiwa",
    "notes": "Berkas catatan tim",
    "claims": "Klaim hoaks dan kata kuncinya",
    "survey": "Berkas survei",
    "labels": "Berkas label analis",
    "competitors": "Pesaing",
    "episode": "Episode krisis",
    "detect": "Jendela krisis ditemukan detektor",
    "every": "Langkah waktu linimasa",
    "effect_window_hours": "Jam sebelum dan sesudah setiap tanggapan",
    "baseline_days": "Hari garis dasar",
    "top_n": "Baris dalam daftar teratas",
    "lang": "Bahasa",
    "platforms": "Platform yang disertakan",
    "languages": "Bahasa yang disertakan",
    "sentiments": "Label sentimen yang disertakan",
    "spike": "Awal penelusuran",
    "rows": "Sebutan dalam penelusuran",
    # the crisis detector's rule and thresholds (measure.crisis.params, method appendix)
    "rule": "Aturan",
    "description": "Cara kerjanya",
    "weeks": "Minggu dengan jam yang sama yang dibandingkan",
    "min_weekly_refs": "Jumlah minggu paling sedikit untuk perbandingan mingguan",
    "days": "Hari yang dibandingkan bila minggunya kurang",
    "min_daily_refs": "Hari riwayat paling sedikit sebelum suatu jam",
    "watch_z": "Tingkat pantau (z robust)",
    "warning_z": "Tingkat waspada (z robust)",
    "critical_z": "Tingkat kritis (z robust)",
    "min_mentions": "Sebutan paling sedikit dalam satu jam untuk peringatan",
    "merge_gap_hours": "Jam tenang yang masih menyatukan dua peringatan",
    "min_alert_hours": "Jam meningkat paling sedikit dalam krisis",
    "crisis_level": "Tingkat peringatan yang harus dicapai krisis",
    "end_hours": "Jam tenang yang mengakhiri krisis",
    "end_tolerance_hours": "Jam pantau tersendiri yang diperbolehkan saat tenang",
    "end_z": "Total tenang dalam batas (galat baku)",
    "peak_fraction": "Porsi jam tersibuk yang dihitung sebagai puncak",
    "gap_days": "Hari di kedua sisi untuk selisih sentimen",
    "min_lead_hours": "Jam data yang diperlukan sebelum awal krisis",
    "yes": "ya",
    "no": "tidak",
}
