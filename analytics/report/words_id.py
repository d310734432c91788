"""The words of :mod:`analytics.report.words` in Bahasa Indonesia: the same codes, the same
placeholders. A code missing here is written in English and fails
``tests/test_report_lang.py``."""

from __future__ import annotations

# codes (as ``messages.catalogue`` names them) whose Indonesian is the English word itself:
# loanwords of standard Indonesian (KBBI). Any other text equal to its English is a
# translation left undone, which tests/test_report_lang.py refuses.
SAME_AS_ENGLISH = frozenset({
    "col.platform", "col.format", "value.normal", "value.info", "value.volume",
    "value.emoji", "value.blog", "value.forum", "value.manual",
})  # fmt: skip

TEXT: dict[str, str] = {
    # units and small words
    "na": "t/a",
    "none": "tidak ada",
    "unit.h": "{n} jam",
    "unit.days": "{n} hari",
    "unit.pp": "{n} poin",
    "unit.points": "{n} poin",
    "more": "selengkapnya",
    "less": "ringkas",
    "unknown_time": "waktu yang tidak diketahui",
    "verb.has": "",
    "verb.have": "",
    "kinds": "{kind}",
    "kinds.statement": "{kind}",
    # blocks
    "table.no_rows": "Tidak ada baris.",
    "table.first_rows": "{caption} ({shown} pertama dari {total:,})",
    "table.first_rows_bare": "({shown} pertama dari {total:,})",
    "col.post": "unggahan",
    "link.open": "buka",
    "findings.none": "Tidak ada temuan.",
    "contents": "Daftar isi",
    # KPI cards
    "kpi.mentions": "Sebutan",
    "kpi.negative_share": "Porsi negatif",
    "kpi.positive_share": "Porsi positif",
    "kpi.net_sentiment": "Sentimen bersih",
    "kpi.potential_reach": "Jangkauan potensial",
    "kpi.engagement": "Interaksi",
    "kpi.authors": "Penulis",
    "kpi.brand_posts": "Unggahan merek",
    "kpi.alert_days": "Hari dengan peringatan",
    "kpi.warning_or_critical": "waspada atau kritis",
    "kpi.vs_previous_week": "dibanding minggu lalu",
    "kpi.vs_before_crisis": "dibanding sebelum krisis",
    "kpi.crisis_mentions": "Sebutan selama krisis",
    "kpi.peak_hour": "Jam puncak",
    "kpi.peak_hour_note": "sebutan pada jam tersibuk",
    "kpi.first_response": "Tanggapan pertama setelah",
    "kpi.from_onset": "sejak awal krisis",
    "kpi.responses": "Tanggapan",
    "kpi.in_crisis_window": "dalam jendela krisis",
    "kpi.replied": "Sebutan negatif yang dibalas",
    "kpi.replied_note": "porsi yang dibalas merek",
    "kpi.recovery_time": "Waktu pemulihan",
    "kpi.peak_to_end": "dari puncak hingga akhir",
    "kpi.sentiment_gap": "Selisih sentimen",
    "kpi.gap_note": "sentimen bersih sesudah dikurangi sebelum",
    "kpi.answers": "Jawaban",
    "kpi.blank_answers": "{n} kosong, disisihkan",
    # the executive summaries
    "summary.span": "Dari {onset} sampai {end}, {brand} mengalami krisis.",
    "summary.span_open": "Dari {onset} sampai akhir periode, {brand} mengalami krisis.",
    "summary.no_crisis": (
        "Detektor tidak menemukan krisis yang dimulai dalam periode ini; angka di bawah "
        "mencakup seluruh periode untuk {brand}."
    ),
    "summary.size": "Pelanggan menyebut merek ini {mentions} kali",
    "summary.size_peak": ", paling banyak {peak} dalam satu jam",
    "summary.size_negative": "; {share} sebutan yang dinilai bernada negatif",
    "summary.size_before": " (sebelum krisis: {share})",
    "summary.speed": "Tanggapan pertama muncul {hours} setelah awal krisis",
    "summary.speed_responses": ", dengan {n} tanggapan dalam jendela krisis",
    "summary.speed_replies": "; merek membalas {share} sebutan negatif pelanggan",
    "summary.no_response": "Data tidak memuat tanggapan merek di dalam jendela krisis.",
    "summary.no_clear_fall": (
        "Tidak ada satu tanggapan pun yang diikuti penurunan jelas porsi negatif (setiap "
        "interval 95% mencakup nol perubahan)."
    ),
    "summary.on_channel": " di {channel}",
    "summary.best": (
        "Yang paling berhasil: setelah {type}{channel}, porsi negatif turun dari {before} "
        "menjadi {after} (interval 95% perubahannya {low} sampai {high} poin)."
    ),
    "summary.recovered": "Volume kembali ke rentang biasanya {hours} setelah puncak.",
    "summary.not_recovered": (
        "Data tidak menunjukkan kembalinya ke rentang biasa sebelum periode berakhir."
    ),
    "summary.first_to_improve": "Yang pertama perlu diperbaiki ({topic}): {text}",
    "summary.key_findings": "Temuan utama",
    "weekly.volume": (
        "Pada {week}, pelanggan menyebut {brand} {now} kali (minggu sebelumnya: {before})."
    ),
    "weekly.mood": "{share} sebutan yang dinilai bernada negatif",
    "weekly.mood_before": " (minggu sebelumnya: {share})",
    "weekly.mood_net": "; sentimen bersih {net}",
    "weekly.alerts_one": (
        "Detektor krisis mencapai tingkat waspada atau kritis pada {n} hari: lihat "
        "Peringatan minggu ini."
    ),
    "weekly.alerts_many": (
        "Detektor krisis mencapai tingkat waspada atau kritis pada {n} hari: lihat "
        "Peringatan minggu ini."
    ),
    "weekly.no_alerts": "Detektor krisis tidak memberi peringatan minggu ini.",
    # table headings used by several tables
    "col.time": "waktu",
    "col.platform": "platform",
    "col.author": "penulis",
    "col.sentiment": "sentimen",
    "col.reach": "jangkauan",
    "col.engagement": "interaksi",
    "col.text": "teks",
    "weekly.title": "{brand}: laporan reputasi mingguan",
    "weekly.period": "{week}, {first:date} sampai {last:date}",
    "weekly.no_mentions": (
        "Tidak ada sebutan pelanggan minggu ini: periksa apakah ekspor minggu ini sudah "
        "dimasukkan (lihat Kelengkapan data di bawah)."
    ),
    "weekly.timelines_intro": (
        "Angka harian minggu ini dan minggu-minggu sebelumnya. Pita berarsir adalah rentang "
        "biasa, dijumlah per hari: volume yang diharapkan ± 3 deviasi robust (ambang "
        "peringatan), dipelajari dari jam yang sama pada hari-hari tenang sebelumnya (di luar "
        "episode krisis dan peringatan); garis putus-putus menandai unggahan pertama, liputan "
        "media, dan setiap tanggapan merek."
    ),
    "weekly.alerts_intro": (
        "Tingkat peringatan tertinggi per hari dari detektor krisis (volume per jam dan "
        "volume negatif dibandingkan jam yang sama pada minggu-minggu sebelumnya; lihat "
        "lampiran metode)."
    ),
    "weekly.hours_at_warning": "Jam dengan tingkat waspada atau kritis",
    "weekly.no_warning_hour": "Tidak ada jam yang mencapai tingkat waspada.",
    "weekly.most_engaged": "Unggahan pelanggan dengan interaksi terbanyak",
    "weekly.no_negative_posts": "Tidak ada unggahan negatif minggu ini.",
    "weekly.top_authors": "Penulis dengan jangkauan terbesar",
    "weekly.no_authors": "Tidak ada penulis minggu ini.",
    "weekly.terms_intro": (
        "Kata, tagar, dan emoji yang lebih sering dipakai minggu ini daripada minggu-minggu "
        "sebelumnya (log-odds dengan prior Dirichlet informatif; hanya istilah dengan z ≥ "
        "1,96 yang dicantumkan)."
    ),
    "weekly.no_rising_terms": "Tidak ada istilah yang naik secara signifikan minggu ini.",
    "weekly.terms_unavailable": "Istilah yang muncul tidak tersedia: {error}",
    "weekly.complete": "Setiap platform memiliki data pada setiap hari dalam minggu ini.",
    "weekly.method_intro": (
        "Angka pelanggan tidak mencakup unggahan merek sendiri. Porsi dihitung dari sebutan "
        "yang dinilai. Jangkauan dijumlah per sebutan (jangkauan potensial: audiens para "
        "penulis saling tumpang tindih). Detektor krisis:"
    ),
    "h.key_figures": "Angka utama",
    "h.timelines": "Linimasa",
    "h.alerts_this_week": "Peringatan minggu ini",
    "h.top_posts": "Unggahan dan penulis teratas",
    "h.emerging_terms": "Istilah yang muncul",
    "h.share_of_voice": "Pangsa suara",
    "h.data_completeness": "Kelengkapan data",
    "h.method": "Metode",
    "chart.mentions": "sebutan",
    "chart.mentions_per_day": "Sebutan per hari",
    "chart.mentions_per_hour": "Sebutan per jam",
    "chart.sentiment_per_day": "Sentimen per hari",
    "chart.potential_reach": "jangkauan potensial",
    "chart.reach_per_day": "Jangkauan potensial per hari",
    "chart.engagement": "interaksi",
    "chart.engagement_per_day": "Interaksi per hari",
    "chart.engagement_per_day_sum": "Interaksi per hari (suka + komentar + bagikan)",
    "chart.sov_per_day": "Pangsa suara per hari",
    "chart.share_of_mentions": "porsi sebutan",
    "col.day": "hari",
    "col.highest_alert": "peringatan tertinggi",
    "col.mentions": "sebutan",
    "col.negative": "negatif",
    "col.highest_score": "skor tertinggi",
    "col.hour": "jam",
    "col.metric": "ukuran",
    "col.observed": "teramati",
    "col.expected": "diharapkan",
    "col.score": "skor",
    "col.level": "tingkat",
    "col.copies": "salinan",
    "col.posts": "unggahan",
    "col.stance": "sikap",
    "col.negative_share": "porsi negatif",
    "col.kind": "jenis",
    "col.term": "istilah",
    "col.this_week": "minggu ini",
    "col.before": "sebelumnya",
    "col.brand": "merek",
    "col.share_of_voice": "pangsa suara",
    "caption.negative_posts": (
        "Unggahan negatif dengan jangkauan terbesar (yang nyaris sama dihitung sekali, "
        "paling banyak 3 per penulis)"
    ),
    "accuracy.nothing": "{name}: tidak ada pembanding.",
    "accuracy.ci": " (CI 95% {low:.0%}-{high:.0%})",
    "accuracy.labels": "{name} (n={n:,}): akurasi {accuracy:.0%}{ci}, macro-F1 {f1:.2f}.",
    "accuracy.kappa": ", kappa Cohen {kappa:.2f}",
    "accuracy.agreement": (
        "{name} (n={n:,} dinilai keduanya, {unrated:,} tidak dinilai alat): kesesuaian "
        "{agreement:.0%}{kappa}."
    ),
    "chart.after": "sesudah",
    "chart.before": "sebelum",
    "chart.claims": "Klaim hoaks: sebutan dari waktu ke waktu",
    "chart.effects": "Porsi negatif sebelum dan sesudah setiap tanggapan",
    "chart.mentions_by_emotion": "Sebutan per hari menurut emosi",
    "chart.mentions_by_platform": "Sebutan per hari menurut platform",
    "chart.negative_by_platform": "Porsi negatif menurut platform (jendela krisis)",
    "chart.negative_share": "porsi negatif",
    "chart.net_sentiment": "sentimen bersih",
    "chart.network": "Jaringan interaksi",
    "chart.our_label": "label kami",
    "chart.reference_label": "label acuan",
    "chart.usual_range": "rentang biasa (garis dasar)",
    "chart.no_usual_range": (
        "Rentang biasa tidak diarsir untuk {count} dari {total} titik grafik (antara "
        "{first:date} dan {last:date}): rentang biasa hanya dipelajari dari jam-jam tenang "
        "(di luar episode krisis dan peringatan), dan kurang dari {days} hari tenang "
        "mendahuluinya."
    ),
    "chart.vs_analyst": "Label kami dibanding label analis",
    "chart.vs_export": "Label kami dibanding label ekspor",
    "col.account": "akun",
    "col.accounts": "akun",
    "col.after": "sesudah",
    "col.betweenness": "keperantaraan",
    "col.change": "perubahan",
    "col.channel": "kanal",
    "col.ci_high": "batas atas 95%",
    "col.ci_low": "batas bawah 95%",
    "col.claim": "klaim",
    "col.community": "komunitas",
    "col.coordinated_accounts": "akun terkoordinasi",
    "col.crisis": "krisis",
    "col.detail": "rincian",
    "col.end": "akhir",
    "col.file": "berkas",
    "col.first_post": "unggahan pertama",
    "col.first_seen": "pertama terlihat",
    "col.format": "format",
    "col.hours": "jam",
    "col.in_crisis": "selama krisis",
    "col.in_negative_answers": "dalam jawaban negatif",
    "col.in_other_answers": "dalam jawaban lain",
    "col.ingested": "dimasukkan",
    "col.kept_growing_h": "terus menyebar (jam)",
    "col.labelled": "berlabel",
    "col.language": "bahasa",
    "col.negative_before": "porsi negatif sebelum",
    "col.note": "catatan",
    "col.onset": "awal",
    "col.overlaps": "tumpang tindih",
    "col.peak": "puncak",
    "col.phase": "fase",
    "col.potential_reach": "jangkauan potensial",
    "col.reaches": "menjangkau komunitas",
    "col.recovery_h": "pemulihan (jam)",
    "col.rows_rejected": "baris ditolak",
    "col.rows_stored": "baris disimpan",
    "col.share_of_negative": "porsi dari negatif",
    "col.signal": "tanda",
    "col.start": "mulai",
    "col.statement": "pernyataan",
    "col.strategy": "strategi",
    "col.top_accounts": "akun teratas (PageRank)",
    "col.top_hashtags": "tagar teratas",
    "col.top_terms": "istilah teratas",
    "col.type": "jenis",
    "col.verdict": "apakah klarifikasi memperlambatnya?",
    "h.amplifiers": "Penyebar",
    "h.crisis_timeline": "Linimasa krisis",
    "h.emotions": "Emosi",
    "h.executive_summary": "Ringkasan eksekutif",
    "h.feedback": "Umpan balik audiens",
    "h.lessons": "Pelajaran",
    "h.method_appendix": "Lampiran metode",
    "h.narratives": "Narasi dan hoaks",
    "h.network": "Jaringan interaksi",
    "h.platforms": "Platform dan bahasa",
    "h.responses": "Tanggapan dan dampaknya",
    "h.team_notes": "Catatan tim",
    "header.brand": "Merek",
    "header.files": "{n} berkas (tercantum di Asal-usul data)",
    "header.generated": "Dibuat",
    "header.period": "Periode",
    "header.scorer": "Penilai sentimen",
    "header.sources": "Sumber data",
    "index.brand": "Merek",
    "index.generated": "Dibuat",
    "index.kind": "Jenis",
    "index.period": "Periode",
    "index.size": "Ukuran",
    "index.title_col": "Judul",
    "index.weekly": "mingguan",
    "index.review": "tinjauan",
    "index.empty": "Belum ada laporan.",
    "index.heading": "Laporan",
    "index.page_title": "Laporan analitik krisis",
    "method.rule": "aturan",
    "method.manual": "Jendela ditentukan analis; puncak = jam tersibuk di dalamnya.",
    "method.description": (
        "Jumlah sebutan dan sebutan negatif per jam dibandingkan dengan median jam yang sama "
        "pada {weeks} minggu sebelumnya (atau, bila riwayatnya kurang, {days} hari "
        "sebelumnya); garis dasar minimum {min_daily_refs} hari, dan jam-jam dengan riwayat "
        "lebih pendek (hari-hari pertama data, {min_daily_refs} hari) dibandingkan dengan "
        "jam yang sama pada hari-hari berikutnya. Skor = (teramati - median) / maks(1,4826 x "
        "MAD, akar(maks(median, 1))). Tingkat peringatan: pantau >= {watch_z}, waspada >= "
        "{warning_z}, kritis >= {critical_z} (jam dengan setidaknya {min_mentions} sebutan). "
        "Krisis adalah episode dengan setidaknya {min_alert_hours} jam meningkat (jeda "
        "hingga {merge_gap_hours} jam digabung) yang mencapai tingkat {crisis_level:value}; "
        "krisis berakhir ketika jumlahnya tetap di dalam pita selama {end_hours} jam (hingga "
        "{end_tolerance_hours} jam pantau tersendiri diperbolehkan) dan totalnya berada "
        "dalam {end_z} galat baku dari total yang diharapkan. Awal krisis dengan kurang dari "
        "{min_lead_hours} jam data sebelumnya berada pada atau sebelum awal data. Episode "
        "utama adalah episode dengan sebutan terbanyak di atas garis dasar. Fase puncak "
        "memuat jam-jam dengan volume setidaknya {peak_fraction:.0%} dari jam puncak; fase 0 "
        "jam tidak dicantumkan."
    ),
    "network.accounts": "akun",
    "network.by_community": "komunitas",
    "network.by_stance": "sikap (merah: umumnya negatif)",
    "network.hover": "@{account} · komunitas {community} · negatif {negative}",
    "network.interactions": "interaksi",
    "plotly.Autoscale": "Skala otomatis",
    "plotly.Box Select": "Pilih kotak",
    "plotly.Compare data on hover": "Bandingkan data saat kursor di atasnya",
    "plotly.Double-click to zoom back out": "Klik dua kali untuk memperkecil kembali",
    "plotly.Download plot": "Unduh grafik",
    "plotly.Download plot as a PNG": "Unduh grafik sebagai PNG",
    "plotly.Lasso Select": "Pilih laso",
    "plotly.Pan": "Geser",
    "plotly.Reset axes": "Atur ulang sumbu",
    "plotly.Reset view": "Atur ulang tampilan",
    "plotly.Show closest data on hover": "Tampilkan data terdekat saat kursor di atasnya",
    "plotly.Toggle Spike Lines": "Tampilkan/sembunyikan garis bantu",
    "plotly.Zoom": "Perbesar area",
    "plotly.Zoom in": "Perbesar",
    "plotly.Zoom out": "Perkecil",
    "prov.title": "Asal-usul data",
    "prov.files": (
        "Berkas masukan (setiap berkas dalam manifes penyimpanan: ekspor pesaing dipakai "
        "untuk pangsa suara):"
    ),
    "prov.parameters": "Parameter:",
    "prov.packages": "Versi paket:",
    "prov.run": "Dijalankan mulai {started}, sel notebook memakan {seconds:.1f} detik.",
    "review.title": "{brand}: tinjauan pascakrisis",
    "review.no_mentions": "{brand}: tidak ada sebutan antara {first} dan {last}",
    "explore.matching": (
        "{brand}: {count:,} sebutan pelanggan cocok dengan filter (penyimpanan {root})"
    ),
    "explore.customer_mentions": "sebutan pelanggan",
    "explore.mentions_per": "Sebutan pelanggan per {every}",
    "review.title_full": "{brand}: tinjauan pascakrisis, {first} sampai {last}",
    "weekly.title_full": "{brand}: laporan reputasi mingguan, {week}",
    "review.period": "{first:date} sampai {last:date}",
    "review.no_crisis_window": (
        "Detektor tidak menemukan krisis yang dimulai di dalam periode; seluruh periode "
        "dipakai sebagai jendela krisis."
    ),
    "review.about": "Pokok krisis (istilah paling khasnya):",
    "review.timeline_intro": (
        "Volume, sentimen, jangkauan, dan interaksi sepanjang krisis. Berarsir: eskalasi "
        "(oranye), puncak (merah), dan pemulihan (hijau); garis putus-putus: unggahan "
        "pertama, liputan media, dan setiap tanggapan."
    ),
    "review.phases": "Fase krisis",
    "review.emotions_intro": (
        "Marah, takut, sedih, senang, dan cinta dalam sebutan pelanggan berbahasa Indonesia, "
        "per hari dan per fase krisis; `crisis-analytics emotion store` memberi labelnya. "
        "Sebutan berbahasa Inggris tidak diberi label emosi: tidak ditemukan data emosi "
        "bahasa Inggris berlisensi terbuka untuk membangun dan mengukur metodenya."
    ),
    "review.emotions_not_scored": (
        "{n:,} dari {total:,} sebutan pelanggan ({share:pct}) berbahasa Inggris atau bahasa "
        "lain dan tidak punya emosi: grafik di bawah hanya menunjukkan percakapan berbahasa "
        "Indonesia."
    ),
    "review.no_emotions": (
        "Belum ada label emosi di penyimpanan untuk sebutan ini: jalankan `crisis-analytics "
        "emotion store` untuk menambahkannya."
    ),
    "review.emotion_mix": "Komposisi emosi per fase krisis (porsi sebutan pelanggan berlabel)",
    "review.responses_intro": (
        "Dampak setiap tanggapan membandingkan porsi negatif sebutan pelanggan pada jam-jam "
        "sebelum dan sesudahnya (intervalnya adalah interval 95% dari perubahan; tanggapan "
        "yang tumpang tindih ditandai, karena dampaknya tidak dapat dipisahkan)."
    ),
    "review.responses_caption": "Tanggapan merek",
    "review.no_responses": "Tidak ada tanggapan merek yang ditemukan dalam data untuk krisis ini.",
    "review.time_to_first": "Waktu hingga tanggapan pertama: {hours} ({note})",
    "review.from_crisis_onset": "sejak awal krisis",
    "review.replied": "Sebutan negatif yang dibalas: {share}, median waktu balasan {hours}",
    "review.no_effects": "Tidak ada tanggapan di dalam jendela krisis untuk diukur.",
    "review.by_platform": "Jendela krisis menurut platform",
    "review.by_language": "Jendela krisis menurut bahasa",
    "review.window_per_platform": "Jendela krisis per platform",
    "review.top_authors": "Penulis dengan jangkauan terbesar dalam jendela krisis",
    "review.network_intro": (
        "Siapa memperkuat siapa dalam jendela krisis: akun dihubungkan oleh unggahan ulang, "
        "kutipan, balasan, dan @sebutan, dikelompokkan menjadi komunitas (Leiden); ukuran "
        "titik adalah PageRank (perhatian yang diterima). Ganti pewarnaan antara komunitas "
        "dan sikap (merah: sebagian besar unggahan negatif)."
    ),
    "review.network_drawn": (
        "{accounts:,} akun; {shown:,} akun dengan perhatian terbanyak yang digambar."
    ),
    "review.communities": "Komunitas (terbesar lebih dulu)",
    "review.bridges": "Akun penghubung (paling sering berada di jalur terpendek antara akun lain)",
    "review.narratives_intro": (
        "Istilah yang naik selama krisis dibanding minggu-minggu sebelumnya, klaim hoaks "
        "yang dilacak, dan tanda unggahan terkoordinasi (klaster salin-tempel, lonjakan akun "
        "baru atau akun sangat kecil)."
    ),
    "review.rising_terms": "Istilah, tagar, dan emoji yang naik",
    "review.terms_unavailable": "Istilah yang naik tidak tersedia: {error}",
    "review.no_claims": "Tidak ada klaim hoaks yang diberikan (parameter claims).",
    "review.claims_first_seen": "Kemunculan pertama setiap klaim",
    "review.spreaders": "Penyebar teratas",
    "review.clarifications": "Klarifikasi",
    "review.signals": "Tanda koordinasi",
    "review.no_signals": "Tidak ada tanda unggahan terkoordinasi.",
    "review.coordinated": "Sebutan negatif selama krisis yang termasuk tanda koordinasi: {share}",
    "review.feedback_intro": (
        "Jawaban bebas dari survei audiens, dinilai dengan alat sentimen yang sama seperti "
        "sebutan; istilahnya adalah yang membedakan jawaban negatif."
    ),
    "review.no_survey": "Tidak ada berkas survei yang diberikan (parameter survey).",
    "review.negative_answer_terms": "Istilah dalam jawaban negatif",
    "review.no_negative_answer_terms": "Tidak ada istilah yang membedakan jawaban negatif.",
    "review.most_negative": "Jawaban paling negatif",
    "review.most_positive": "Jawaban paling positif",
    "review.no_notes": "Tidak ada berkas catatan yang diberikan (parameter notes).",
    "review.h.crisis_window": "Jendela krisis",
    "review.manual_window": "Jendela ditentukan analis.",
    "review.h.sentiment": "Sentimen",
    "review.scored_by": "Dinilai oleh: {scorers}.",
    "review.against_labels": "Dibanding label analis ({file})",
    "review.no_labels": "Tidak ada label analis yang diberikan (parameter labels).",
    "review.against_export": "Dibanding label ekspor",
    "scorer.id-rules": "aturan leksikon bahasa Indonesia (berbasis InSet)",
    "scorer.mixed": "gabungan campur kode Indonesia/Inggris",
    "scorer.vader-social": "VADER dengan tambahan media sosial (bahasa Inggris)",
    "measure.overlap": (
        "jendela bertumpang tindih dengan {items}: perubahannya mencampur dampak "
        "tanggapan-tanggapan itu"
    ),
    "measure.overlap_item": "{kind} di {channel} pada {when} UTC",
    "measure.burst_detail": (
        "{count} dari {negative} sebutan negatif pada jam itu (diharapkan {expected}; z = {z})"
    ),
    "measure.cluster_detail": '{accounts} akun dalam rentang itu; misalnya "{example}"',
    "measure.claim_unclarified": "klaim '{claim}': tidak ada klarifikasi di antara tanggapan",
    "measure.bridges_sampled": (
        "Penghubung (keperantaraan) diukur di antara {k} akun dengan interaksi terbanyak "
        "dari {n} akun, sebuah perkiraan untuk jaringan sebesar ini."
    ),
    "measure.coverage_range": (
        "{key:platform} {first:date} sampai {last:date} ({count} hari): {reason}"
    ),
    "measure.coverage_day": "{key:platform} {first:date} (1 hari): {reason}",
    "measure.ends_early": (
        "cakupan berakhir lebih awal: sebutan {key:platform} terakhir pada {last:date} "
        "sementara sumber lain berlanjut sampai {end:date} (hari biasa berisi {usual:g}); "
        "ekspornya mungkin terhenti, jadi penurunan di sini bukan pemulihan"
    ),
    "measure.starts_late": (
        "cakupan dimulai terlambat: sebutan {key:platform} pertama pada {first:date} "
        "sementara sumber lain dimulai pada {start:date} (hari biasa berisi {usual:g})"
    ),
    "measure.no_mentions_day": (
        "tidak ada sebutan {key:platform} pada {day:date} padahal hari biasa berisi "
        "{typical:g}: sebuah platform hilang selama sehari"
    ),
    "measure.drop": (
        "penurunan: {count} sebutan {key:platform} pada {day:date} dibanding biasanya "
        "{typical:g} (di bawah {fraction}%); periksa ekspornya"
    ),
}

VALUES: dict[str, str] = {
    "True": "ya",
    "False": "tidak",
    "normal": "normal",
    "watch": "pantau",
    "warning": "waspada",
    "critical": "kritis",
    "info": "info",
    "good": "baik",
    "volume": "volume",
    "negative": "negatif",
    "positive": "positif",
    "neutral": "netral",
    "mixed": "campuran",
    "unscored": "belum dinilai",
    "word": "kata",
    "hashtag": "tagar",
    "emoji": "emoji",
    "mention": "sebutan",
    "pre-crisis": "prakrisis",
    "escalation": "eskalasi",
    "peak": "puncak",
    "recovery": "pemulihan",
    "post-crisis": "pascakrisis",
    "anger": "marah",
    "fear": "takut",
    "sadness": "sedih",
    "joy": "senang",
    "love": "cinta",
    "near-identical copy-paste cluster": "klaster salin-tempel nyaris identik",
    "identical copy-paste cluster": "klaster salin-tempel identik",
    "copy-paste cluster": "klaster salin-tempel",
    "new accounts burst": "lonjakan akun baru",
    "tiny accounts burst": "lonjakan akun sangat kecil",
    "slowed": "melambat",
    "accelerated": "makin cepat",
    "not estimable": "tidak dapat diperkirakan",
    "no clear change": "tidak ada perubahan jelas",
    "response": "tanggapan",
    "holding statement": "pernyataan awal",
    "apology": "permintaan maaf",
    "compensation": "kompensasi",
    "fix": "perbaikan",
    "corrective action": "tindakan perbaikan",
    "recall": "penarikan produk",
    "clarification": "klarifikasi",
    "denial": "penyangkalan",
    "attack the accuser": "serangan balik ke penuduh",
    "scapegoat": "kambing hitam",
    "excuse": "dalih",
    "justification": "pembenaran",
    "influencer post": "unggahan influencer",
    "reminder": "pengingat",
    "ingratiation": "pujian",
    "victimage": "posisi korban",
    "ceo video": "video CEO",
    "press conference": "konferensi pers",
    "statement": "pernyataan",
    "post": "unggahan",
    "routine": "rutin",
    "deny": "menyangkal",
    "diminish": "mengecilkan",
    "rebuild": "membangun kembali",
    "bolster": "memperkuat",
    "first post": "unggahan pertama",
    "media pickup": "liputan media",
    "hoax first seen": "hoaks pertama terlihat",
    "cadence": "ritme",
    "consistency": "konsistensi",
    "coordination": "koordinasi",
    "crisis": "krisis",
    "hoax": "hoaks",
    "platforms": "platform",
    "replies": "balasan",
    "response effect": "dampak tanggapan",
    "response time": "waktu tanggapan",
    "responses": "tanggapan",
    "size": "besaran",
    "strategy": "strategi",
    "news": "berita",
    "blog": "blog",
    "forum": "forum",
    "review": "ulasan",
    "google_play": "Google Play",
    "app_store": "App Store",
    "other": "lainnya",
    "unknown": "tidak diketahui",
    "none": "tanpa emosi",
    "no scored customer mentions before or after the response": (
        "tidak ada sebutan pelanggan yang dinilai sebelum atau sesudah tanggapan"
    ),
    "seasonal robust z-score": "skor-z robust musiman",
    "manual": "manual",
    "no crisis onset: time to first response not measured": (
        "tidak ada awal krisis: waktu hingga tanggapan pertama tidak diukur"
    ),
    "no response: the brand posted no response in the crisis window": (
        "tidak ada tanggapan: merek tidak mengunggah tanggapan dalam jendela krisis"
    ),
    "no negative customer mentions in the period": (
        "tidak ada sebutan negatif pelanggan dalam periode ini"
    ),
    "unknown: the data holds no replies (original posts only); add an export that includes replies, such as the brand's owned-channel inbox": (  # noqa: E501 (measure's sentence, as the key)
        "tidak diketahui: data tidak memuat balasan (hanya unggahan asli); tambahkan ekspor yang memuat balasan, seperti kotak masuk kanal milik merek"  # noqa: E501 (measure's sentence, as the key)
    ),
}
