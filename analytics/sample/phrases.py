"""Phrase banks of the sample crisis: slots, templates, news, official statements, survey.

Pure data, kept apart from the code that combines it (``texts.py``). Templates are written
the way Indonesian users really write about an e-wallet, in Indonesian, English and
code-mixed Indonesian-English. Hoax keywords ("bangkrut", "pailit", "dikuras", ...) appear
only in the hoax, burst and debunk material, which the generator uses only after the hoax
started.
"""

from __future__ import annotations

SLOTS: dict[str, list[str]] = {
    "amount": [
        "50rb",
        "75 ribu",
        "100rb",
        "Rp150.000",
        "200rb",
        "Rp 250.000",
        "300k",
        "500rb",
        "1,2jt",
        "Rp1.500.000",
        "35rb",
        "Rp 87.500",
    ],
    "merchant": [
        "indomaret",
        "alfamart",
        "warteg depan kantor",
        "kopi kenangan",
        "SPBU",
        "tokopedia",
        "bayar listrik",
        "pulsa",
        "BPJS",
        "ojol",
        "warung padang",
        "apotek",
        "parkiran mall",
    ],
    "feature": [
        "QRIS",
        "transfer ke bank",
        "top up",
        "paylater",
        "tarik tunai",
        "bayar tagihan",
        "split bill",
        "kirim uang",
    ],
    "feature_en": [
        "QR payments",
        "bank transfers",
        "top-ups",
        "paylater",
        "bill payments",
        "split bill",
        "the savings pocket",
    ],
    "wait": ["2 jam", "dari semalem", "3 hari", "dari kemarin", "seharian", "5 jam", "sejak pagi"],
    "wait_en": ["2 hours", "since last night", "3 days", "a whole day", "since this morning"],
    "who": ["gue", "aku", "saya", "w", "gw", "aku"],
    "friend": ["temen kantor", "adek gue", "nyokap", "suami", "temen kos", "bos gue", "istri"],
    "city": [
        "Jakarta",
        "Bandung",
        "Surabaya",
        "Medan",
        "Makassar",
        "Jogja",
        "Semarang",
        "Depok",
        "Bekasi",
        "Denpasar",
        "Palembang",
    ],
}

EMOJI = {
    "positive": ["😍", "🙏", "👍", "🥰", "✨", "😁", "💙", "👌", "🔥"],
    "neutral": ["🤔", "👀", "📱", "🧐", ""],
    "negative": ["😡", "😤", "🤬", "😭", "🙄", "💀", "😩", "👎", "😠"],
}

TAGS = {
    "baseline": ["#NusaPay", "#cashback", "#promo", "#dompetdigital", "#QRIS", "#cashless"],
    "crisis": [
        "#NusaPay",
        "#NusaPayError",
        "#NusaPayDown",
        "#BalikinSaldoKami",
        "#refund",
        "#saldoraib",
    ],
    "competitor": ["#KiraPay", "#promo", "#cashback", "#dompetdigital"],
}

# --- banks: lists of templates per (stream, stance, language) ---------------------------
B = "{brand}"
BANKS: dict[tuple[str, str, str], list[str]] = {
    ("baseline", "positive", "id"): [
        f"Gajian langsung top up {B}, cashback QRIS nya lumayan buat ngopi",
        f"Bayar parkir pakai {B} sekarang bisa, praktis banget",
        f"Akhirnya nemu e-wallet yang gak ribet, {B} juara",
        f"Bayar pakai {B} di {{merchant}} cepet banget, gak pake ribet",
        f"Cashback {B} hari ini lumayan, dapet {{amount}} buat jajan",
        f"Makasih {B}, transfer ke bank gratis dan langsung masuk",
        f"Udah setahun pakai {B} dan belum pernah kecewa, mantap",
        f"Promo {B} di {{merchant}} bikin hemat, suka banget",
        f"{B} paling enak buat {{feature}}, prosesnya cepet",
        f"CS {B} ramah dan sigap, masalah top up langsung beres",
        f"Fitur split bill {B} membantu banget pas makan bareng {{friend}}",
    ],
    ("baseline", "positive", "en"): [
        f"Paying with {B} at the cafe was so smooth today, love it",
        f"Got {{amount}} cashback from {B} this week, nice",
        f"{B} {{feature_en}} are fast and free, great app",
        f"Honestly {B} has the cleanest e-wallet app in Indonesia, thanks team",
        f"Shoutout to {B} support, fixed my top-up in five minutes. Amazing",
    ],
    ("baseline", "positive", "mix"): [
        f"{B} tuh literally life saver pas lupa bawa cash, thank you",
        f"Cashback {B} weekend ini worth it banget sih",
        f"Pake {B} buat {{feature}} smooth parah, recommended",
        f"Honestly suka banget sama promo {B}, hemat and easy",
        f"Top up {B} instant, no drama, mantul",
    ],
    ("baseline", "neutral", "id"): [
        f"Kalau transfer dari {B} ke bank lain masuknya berapa lama?",
        f"Ada yang tau promo {B} di {{merchant}} berlaku sampai kapan?",
        f"Ada promo {B} buat {{merchant}} gak minggu ini?",
        f"Cara ganti nomor HP di {B} gimana ya?",
        f"{B} bisa dipake buat bayar {{merchant}} gak sih?",
        f"Lagi bandingin {B} sama dompet digital lain buat {{feature}}",
        f"Limit saldo {B} premium berapa ya sekarang?",
        f"Info dong, top up {B} lewat ATM kena biaya admin berapa?",
        f"Baru install {B}, verifikasi KTP nya berapa lama ya",
    ],
    ("baseline", "neutral", "en"): [
        f"Does {B} work for paying bills at {{merchant}}?",
        f"Anyone knows the monthly limit on {B} premium?",
        f"Trying {B} for the first time, how do {{feature_en}} work?",
        f"Is there a {B} promo for this weekend?",
    ],
    ("baseline", "neutral", "mix"): [
        f"Guys {B} ada promo buat weekend gak?",
        f"Mau nanya, {B} bisa buat {{feature}} ke e-wallet lain gak ya",
        f"Lagi compare {B} vs e-wallet lain, ada yang punya insight?",
        f"Upgrade {B} premium worth it gak sih?",
    ],
    ("baseline", "negative", "id"): [
        f"Verifikasi akun {B} ditolak terus, padahal foto KTP udah jelas",
        f"Kok promo {B} di {{merchant}} gak bisa dipakai ya, nyebelin",
        f"Aplikasi {B} lemot banget pagi ini, kesel",
        f"Promo {B} katanya cashback tapi gak masuk juga, kecewa",
        f"CS {B} lama bales chat, udah {{wait}} nunggu",
        f"Kenapa {B} sering minta login ulang sih, ribet",
        f"Biaya admin {B} naik lagi, makin mahal aja",
    ],
    ("baseline", "negative", "en"): [
        f"{B} app keeps logging me out, annoying",
        f"Cashback from {B} never arrived, disappointed",
        f"Waited {{wait_en}} for {B} support to reply. Bad service",
    ],
    ("baseline", "negative", "mix"): [
        f"App {B} hari ini lemot parah, so annoying",
        f"Cashback {B} gak masuk2, kinda disappointed",
        f"CS {B} slow response banget, udah {{wait}}",
    ],
    # --- the crisis: failed transactions and double debits after update 5.2 --------------
    ("crisis", "negative", "id"): [
        f"Mantap {B}, saldo kepotong dua kali. Makasih banyak lho 🙃",
        f"Hebat ya {B}, transfer gagal tapi saldo tetep ilang. Luar biasa 👏",
        f"{B} error lagi, transfer gagal tapi saldo kepotong {{amount}}",
        f"Saldo {B} kepotong 2x pas bayar di {{merchant}}, tolong dong balikin",
        f"Udah {{wait}} refund {B} gak masuk, CS gak bisa dihubungi sama sekali",
        f"Habis update {B} semua transaksi gagal, parah banget",
        f"{B} ini gimana sih, uang {{who}} {{amount}} nyangkut gak jelas",
        f"Kecewa berat sama {B}, bayar {{merchant}} gagal, saldo tetep kepotong",
        f"Nelpon call center {B} gak nyambung2, chat cuma dibales bot. Kesel",
        f"{{friend}} juga kena, saldo {B} kepotong tapi transfer gak sampe",
        f"Tolong {B} tanggung jawab, ini duit orang bukan mainan",
        f"Gara2 {B} error {{who}} malu di kasir {{merchant}}, mana antri panjang",
        f"Sudah {{wait}} menunggu kejelasan {B}, tidak ada kabar sama sekali",
        f"Payah {B}, sudah tiga kali transaksi gagal hari ini",
        f"{B} lagi gangguan ya? Transaksi {{who}} pending dari tadi, kesel",
        f"Ada yang ngalamin juga saldo {B} kepotong tapi transfer gagal? Parah",
    ],
    ("crisis", "negative", "en"): [
        f"Great job {B}, charged me twice and no refund. Amazing service 🙃",
        f"{B} charged me twice and the transfer failed. Where is my money?",
        f"Still no refund from {B} after {{wait_en}}. Terrible service",
        f"The new {B} update broke every payment. This is a disaster",
        f"Can't reach {B} support at all, only a bot replying. Unacceptable",
        f"{B} took {{amount}} from my balance and nothing arrived. Furious",
        f"Worst week ever with {B}, every transaction fails",
    ],
    ("crisis", "negative", "mix"): [
        f"App {B} nya error terus, refund gak masuk2, so disappointed",
        f"Literally saldo {B} kepotong double, CS nya ghosting. Parah sih",
        f"{B} please lah, udah {{wait}} and still no refund",
        f"Update {B} kemarin bikin semua failed, what a mess",
        f"Gak ngerti lagi sama {B}, transaksi pending forever, kesel banget",
        f"Seriously {B}? Uang {{amount}} ilang gitu aja, no explanation",
        f"Kapok pake {B}, this is so unprofessional",
        f"{B} down ya guys? Pending semua, annoying banget",
    ],
    # neutral crisis talk asks or informs without complaining; a question that reports a
    # problem of one's own ("my transfer is pending") is a complaint and lives above
    ("crisis", "neutral", "id"): [
        f"Katanya {B} lagi perbaikan sistem, ada info resmi belum?",
        f"Cek dulu status transaksi {B} sebelum bayar, lagi banyak yang pending",
        f"Gimana cara ajuin refund di {B} ya",
        f"Ada yang tahu kapan {B} selesai perbaikan?",
        f"Nunggu pengumuman resmi {B} soal pengembalian dana",
        f"Berita soal {B} hari ini: transaksi sempat terganggu sejak semalam",
    ],
    ("crisis", "neutral", "en"): [
        f"Is {B} down for anyone else?",
        f"Any official update from {B} about the failed transfers?",
        f"How do I file a refund request with {B}?",
    ],
    ("crisis", "neutral", "mix"): [
        f"Ada update official dari {B} soal refund belum?",
        f"Wait, {B} maintenance juga di {{city}}?",
        f"Guys, {B} udah ada statement resmi belum?",
    ],
    # after the fix and the apology: relief, thanks, cautious waiting
    ("crisis", "positive", "id"): [
        f"Refund {B} udah masuk, makasih sudah tanggung jawab",
        f"Salut {B} minta maaf terbuka dan kasih kompensasi",
        f"Akhirnya transaksi {B} normal lagi, terima kasih timnya",
        f"Cashback kompensasi {B} udah masuk, oke lah dimaafkan",
        f"Respect buat CEO {B} yang langsung minta maaf, jarang ada yang begini",
    ],
    ("crisis", "positive", "en"): [
        f"Refund from {B} arrived, thanks for handling it",
        f"Respect to {B} for a proper apology and the compensation",
        f"{B} works again, good job fixing it fast",
    ],
    ("crisis", "positive", "mix"): [
        f"Refund {B} udah masuk guys, thank you",
        f"Apology {B} kali ini proper sih, respect",
        f"Finally {B} normal lagi, good job tim",
        f"Kompensasi {B} udah masuk, fair enough",
    ],
    # --- the hoax and its debunk (only after the hoax started) -------------------------
    ("hoax", "negative", "id"): [
        f"Katanya {B} bangkrut, buruan tarik saldo sebelum hilang!",
        f"Info dari grup WA: saldo {B} dikuras hacker, semua nasabah kena",
        f"{B} mau pailit, makanya transaksi ditahan. Pindahin saldo kalian sekarang",
        f"Denger2 {B} gulung tikar minggu depan, saldo hilang semua",
        f"Hati2 saldo {B} dikuras, {{friend}} {{who}} udah kena {{amount}}",
        f"Beneran {B} bangkrut? Pantesan refund gak pernah masuk",
    ],
    ("hoax", "negative", "mix"): [
        f"Breaking: {B} katanya bangkrut, tarik saldo now!",
        f"Saldo {B} dikuras, ini bukan error biasa guys. Be careful",
        f"Rumor {B} pailit makin kenceng, mending cabut sekarang",
    ],
    ("hoax", "negative", "en"): [
        f"Rumour says {B} is going bankrupt (bangkrut) and balances got drained (dikuras). "
        "Withdraw now",
    ],
    ("debunk", "neutral", "id"): [
        f"Kabar {B} bangkrut itu hoaks ya, sudah diklarifikasi resmi",
        f"Jangan gampang percaya broadcast {B} pailit, cek sumbernya dulu",
        f"Saldo {B} dikuras itu hoaks, yang bener cuma gangguan transaksi",
    ],
    ("debunk", "neutral", "mix"): [
        f"FYI berita {B} bangkrut itu hoax, udah ada klarifikasi",
        f"Stop sebar hoax {B} pailit guys, cek fakta dulu",
    ],
    # --- the competitor --------------------------------------------------------------
    # --- after the crisis: people keep referring to it for weeks ---------------------
    ("aftermath", "negative", "id"): [
        f"Masih trauma pakai {B} sejak kejadian saldo kepotong kemarin",
        f"Sejak error bulan lalu {{who}} cuma isi saldo {B} seperlunya aja",
        f"Refund {B} {{who}} baru masuk sebagian, masih nunggu sisanya",
        f"Belum percaya lagi sama {B} abis kejadian kemarin",
    ],
    ("aftermath", "negative", "en"): [
        f"Still don't fully trust {B} after last month's mess",
    ],
    ("aftermath", "negative", "mix"): [
        f"Abis kejadian kemarin, honestly masih takut simpan saldo gede di {B}",
        f"{B} udah normal sih, but the trust issue is real",
    ],
    ("aftermath", "neutral", "id"): [
        f"Semoga {B} gak error lagi kayak kemarin",
        f"Ada yang masih nunggu refund {B} dari kejadian kemarin?",
    ],
    ("aftermath", "positive", "id"): [
        f"Sejak kejadian itu CS {B} malah makin responsif, good",
        f"Salut {B} beneran berbenah setelah gangguan kemarin",
    ],
    ("aftermath", "positive", "mix"): [
        f"Respect, {B} sekarang lebih transparan since the incident",
    ],
    ("competitor", "positive", "id"): [
        "Promo {comp} di {merchant} lagi gede, lumayan",
        "Bayar pakai {comp} lancar jaya hari ini",
        "Cashback {comp} masuk cepet, suka",
    ],
    ("competitor", "positive", "mix"): [
        "{comp} cashback weekend worth it banget",
        "Pake {comp} buat {feature} smooth, recommended",
    ],
    ("competitor", "neutral", "id"): [
        "Ada yang pakai {comp}? Aman gak buat {feature}",
        "Cara top up {comp} lewat minimarket gimana ya",
        "Limit {comp} berapa sih sekarang",
    ],
    ("competitor", "neutral", "en"): [
        "Is {comp} any good for {feature_en}?",
        "Anyone using {comp} for daily payments?",
    ],
    ("competitor", "negative", "id"): [
        "Aplikasi {comp} lemot banget hari ini",
        "CS {comp} lama balesnya, kesel",
    ],
    ("competitor", "negative", "en"): ["{comp} app crashed again, annoying"],
    # switching talk during the NusaPay crisis (positive for the competitor)
    ("switch", "positive", "id"): [
        "Pindah ke {comp} dulu deh, {brand} lagi kacau",
        "Untung masih ada {comp}, transaksi lancar pas {brand} error",
    ],
    ("switch", "positive", "mix"): [
        "Fix pindah ke {comp}, {brand} too risky rn",
        "{comp} aman2 aja ya, beda sama {brand} yang lagi error",
    ],
    ("switch", "neutral", "en"): ["Should I move my balance from {brand} to {comp} for now?"],
}

# News: (earliest moment in the story, stance, headline, lead). An outlet only writes about
# what has happened: the apology story appears after the apology, and so on.
NEWS_BASELINE = [
    (
        "{brand} Catat Pertumbuhan Pengguna di Kuartal Ketiga",
        "Dompet digital {brand} melaporkan kenaikan jumlah pengguna aktif dan transaksi QRIS.",
    ),
    (
        "{brand} Gandeng Ribuan UMKM di {city} untuk Pembayaran QRIS",
        "Kerja sama ini diharapkan memperluas pembayaran non-tunai di {city}.",
    ),
    (
        "Persaingan Dompet Digital Makin Ketat, {brand} dan {comp} Adu Promo",
        "Para pemain dompet digital berlomba menawarkan cashback menjelang akhir tahun.",
    ),
    (
        "Transaksi QRIS di {city} Naik, {brand} Kebagian Kue Terbesar",
        "Pembayaran digital di {city} tumbuh dua digit, didorong promo dompet digital.",
    ),
    (
        "{brand} Luncurkan Fitur Split Bill dan Kantong Tabungan",
        "Fitur baru {brand} menyasar pengguna muda yang sering membayar patungan.",
    ),
]
NEWS_CRISIS = [
    (
        "media_pickup",
        "negative",
        "Pengguna {brand} Keluhkan Saldo Terpotong Ganda",
        "Sejumlah pengguna {brand} mengeluhkan transaksi gagal namun saldo tetap terpotong "
        "setelah pembaruan aplikasi.",
    ),
    (
        "media_pickup",
        "negative",
        "Gangguan {brand}: Transaksi Gagal, Layanan Pelanggan Kewalahan",
        "Keluhan pengguna {brand} membanjiri media sosial sejak Selasa malam.",
    ),
    (
        "media_pickup",
        "negative",
        "Warganet {city} Ramai Keluhkan {brand} Error",
        "Tagar #NusaPayError sempat menjadi trending topik di media sosial.",
    ),
    (
        "holding",
        "neutral",
        "{brand} Akui Gangguan Transaksi, Klaim Saldo Pengguna Aman",
        "Dalam pernyataan resminya, {brand} menyebut tim teknis sedang menangani gangguan.",
    ),
    (
        "holding",
        "negative",
        "YLKI: {brand} Lamban Tangani Keluhan Saldo Terpotong",
        "Lembaga konsumen menilai respons {brand} terlambat dan meminta kejelasan refund.",
    ),
    (
        "fix",
        "neutral",
        "{brand} Rilis Versi 5.2.1, Transaksi Berangsur Normal",
        "Pembaruan aplikasi {brand} disebut memperbaiki kegagalan transaksi sejak Selasa.",
    ),
    (
        "fix",
        "negative",
        "Regulator Minta {brand} Tuntaskan Keluhan Konsumen",
        "Otoritas meminta {brand} menyelesaikan pengembalian dana pengguna secepatnya.",
    ),
    (
        "apology",
        "neutral",
        "{brand} Minta Maaf dan Janjikan Pengembalian Dana",
        "Manajemen {brand} menyampaikan permintaan maaf dan kompensasi kepada pengguna terdampak.",
    ),
    (
        "apology",
        "positive",
        "Kompensasi {brand} Diapresiasi, Pengguna Mulai Terima Refund",
        "Sebagian pengguna {brand} mengaku dana yang terpotong sudah kembali.",
    ),
    (
        "ceo_video",
        "positive",
        "CEO {brand} Buka Suara soal Gangguan Transaksi",
        "Dalam video, CEO {brand} menjelaskan penyebab gangguan dan langkah pengamanan baru.",
    ),
]
NEWS_DEBUNK = [
    (
        "Beredar Kabar {brand} Bangkrut, Ini Faktanya",
        "Pesan berantai yang menyebut {brand} bangkrut dan saldo dikuras dipastikan hoaks.",
    ),
    (
        "Cek Fakta: Hoaks {brand} Pailit dan Saldo Dikuras",
        "Klaim bahwa {brand} pailit tidak benar; perusahaan telah memberi klarifikasi resmi.",
    ),
]

FORUM_TITLES = {
    "baseline": [
        "[ASK] {brand} vs {comp} mana yang lebih oke?",
        "Thread promo {brand} bulan ini",
        "[DISKUSI] Pengalaman pakai {brand} premium",
    ],
    "crisis": [
        "[HELP] Saldo {brand} kepotong double, refund gimana?",
        "[MEGATHREAD] Gangguan {brand} Oktober 2026",
        "Kumpulan korban error {brand}",
    ],
}

# --- the brand's own posts --------------------------------------------------------------
STATEMENTS: dict[str, str] = {
    "holding": (
        "Sahabat NusaPay, kami mengetahui adanya gangguan transaksi sejak kemarin malam. "
        "Tim kami sedang menanganinya dan saldo Anda tetap aman. Update berikutnya segera. "
        "We are aware of failed transactions and are investigating."
    ),
    "fix": (
        "Update: versi 5.2.1 sudah tersedia dan transaksi kembali normal. Transaksi gagal yang "
        "sempat memotong saldo sedang kami kembalikan otomatis. Silakan perbarui aplikasi."
    ),
    "clarification": (
        "KLARIFIKASI: pesan berantai yang menyebut NusaPay bangkrut dan saldo dikuras adalah "
        "HOAKS. NusaPay berizin dan diawasi, dana pengguna tersimpan aman di bank mitra. "
        "Mohon tidak menyebarkan informasi yang belum pasti."
    ),
    "apology": (
        "Kami mohon maaf yang sebesar-besarnya atas gangguan transaksi 20-22 Oktober. Semua "
        "potongan ganda dikembalikan paling lambat 3x24 jam, ditambah cashback Rp25.000 untuk "
        "setiap pengguna terdampak. We are truly sorry and we will do better."
    ),
    "compensation": (
        "Terima kasih atas kesabaran Anda. 98% pengembalian dana dan cashback kompensasi sudah "
        "masuk ke akun pengguna terdampak. Belum menerima? DM @NusaPayCare ya."
    ),
    "ceo_video": (
        "Pesan dari CEO kami: penyebab gangguan, permintaan maaf, dan langkah pengamanan baru "
        "agar kejadian ini tidak terulang. Tonton videonya. #NusaPayBerbenah"
    ),
}


MARKETING = [
    "Cashback 20% di merchant QRIS favoritmu sampai akhir bulan! #NusaPay",
    "Bayar tagihan listrik dan BPJS lebih cepat pakai NusaPay. Cek promonya di aplikasi.",
    "Split bill bareng teman? Sekarang bisa langsung di NusaPay #cashless",
    "Tips aman: jangan pernah bagikan kode OTP ke siapa pun, termasuk yang mengaku tim NusaPay.",
    "Weekend hemat: diskon s.d. 50rb untuk kuliner pilihan pakai NusaPay",
    "Top up NusaPay kini gratis dari 12 bank mitra. Praktis!",
    "Terima kasih sudah jadi bagian dari 20 juta pengguna NusaPay 💙",
    "Kembali hadir dengan promo gajian: cashback s.d. 30rb tiap transaksi QRIS",
]

CARE_REPLIES = [
    "Halo Kak, mohon maaf atas ketidaknyamanannya. Mohon DM nomor HP terdaftar dan ID "
    "transaksi ya, kami bantu cek.",
    "Hai Kak, maaf ya transaksinya terkendala. Dana yang terpotong akan kembali otomatis, "
    "boleh kirim ID transaksinya via DM?",
    "Halo Kak, terima kasih sudah menghubungi kami. Tim kami sedang menangani gangguan ini, "
    "mohon ditunggu ya.",
    "Hi, sorry for the trouble. Please DM us your registered number and transaction ID so we "
    "can check it.",
    "Halo Kak, refund Kakak sudah kami proses. Silakan cek riwayat transaksi ya, terima kasih "
    "atas kesabarannya.",
]

BURST_TEXT = (
    "NusaPay makin parah! Saldo nasabah dikuras dan katanya mau bangkrut. Tarik saldo kalian "
    "sekarang sebelum terlambat!! #NusaPayBangkrut"
)

SURVEY = {
    ("positive", "id"): [
        "Permintaan maafnya tulus dan kompensasinya cepat masuk.",
        "Video CEO membuat saya lebih percaya lagi.",
        "Setelah update semuanya lancar, terima kasih.",
    ],
    ("positive", "en"): [
        "The apology felt sincere and the refund came quickly.",
        "I appreciated the CEO explaining what went wrong.",
    ],
    ("neutral", "id"): [
        "Saya tidak terdampak, hanya mengikuti beritanya.",
        "Informasinya cukup, tapi sebaiknya ada notifikasi di aplikasi.",
        "Masih menunggu apakah kejadian serupa terulang.",
    ],
    ("neutral", "en"): ["I was not affected, I only read about it in the news."],
    ("negative", "id"): [
        "Responsnya terlalu lambat, baru ada kabar besok siangnya.",
        "CS tidak bisa dihubungi selama dua hari, sangat mengecewakan.",
        "Refund saya baru masuk seminggu kemudian.",
        "Klarifikasi soal hoaks datang terlambat, keluarga saya sempat panik.",
    ],
    ("negative", "en"): [
        "Support was unreachable for two days, very disappointing.",
        "The first statement came far too late.",
    ],
}
