/** A KAP statement page as text, for tests that need what the pipeline reads from one. */
// TFRS/KAP layout: a "Dipnot" column beside the amounts, relative period headers stacked over
// dates, prior period first, a statement of profit or loss under the balance sheet on one page.
export const kapPage = `
XYZ SANAYİ A.Ş.
31 ARALIK 2024 TARİHİ İTİBARIYLA FİNANSAL DURUM TABLOSU
(Tutarlar aksi belirtilmedikçe Türk Lirası ("TL") olarak ifade edilmiştir.)
                                                    Önceki Dönem       Cari Dönem
                                         Dipnot       31.12.2023       31.12.2024
VARLIKLAR
Dönen Varlıklar
Nakit ve Nakit Benzerleri                    5      1.250.000,00     2.100.500,50
Ticari Alacaklar                             7      3.400.000,00     3.899.499,50
Stoklar                                      9      2.000.000,00     2.500.000,00
TOPLAM DÖNEN VARLIKLAR                              6.650.000,00     8.500.000,00
Duran Varlıklar
Maddi Duran Varlıklar                       12      4.350.000,00     4.500.000,00
TOPLAM DURAN VARLIKLAR                              4.350.000,00     4.500.000,00
TOPLAM VARLIKLAR                                   11.000.000,00    13.000.000,00
KAYNAKLAR
Kısa Vadeli Yükümlülükler
Kısa Vadeli Borçlanmalar                     8      2.000.000,00     2.500.000,00
Ticari Borçlar                               7      1.500.000,00     1.700.000,00
TOPLAM KISA VADELİ YÜKÜMLÜLÜKLER                    3.500.000,00     4.200.000,00
Uzun Vadeli Yükümlülükler
Uzun Vadeli Borçlanmalar                     8      1.500.000,00     1.300.000,00
TOPLAM UZUN VADELİ YÜKÜMLÜLÜKLER                    1.500.000,00     1.300.000,00
ÖZKAYNAKLAR
Ödenmiş Sermaye                                     5.000.000,00     5.000.000,00
Geçmiş Yıllar Karları                                 400.000,00     1.000.000,00
Net Dönem Karı                                        600.000,00     1.500.000,00
TOPLAM ÖZKAYNAKLAR                                  6.000.000,00     7.500.000,00
TOPLAM KAYNAKLAR                                   11.000.000,00    13.000.000,00

KAR VEYA ZARAR TABLOSU
                                         Dipnot       01.01.2023-      01.01.2024-
                                                      31.12.2023       31.12.2024
Hasılat                                     20     10.000.000,00    12.000.000,00
Satışların Maliyeti (-)                     20     (7.000.000,00)   (8.000.000,00)
BRÜT KAR (ZARAR)                                    3.000.000,00     4.000.000,00
Genel Yönetim Giderleri (-)                 21     (1.200.000,00)   (1.400.000,00)
Pazarlama Giderleri (-)                     21       (800.000,00)     (700.000,00)
ESAS FAALİYET KARI (ZARARI)                         1.000.000,00     1.900.000,00
Finansman Giderleri (-)                     22       (250.000,00)     (25.000,00)
SÜRDÜRÜLEN FAALİYETLER VERGİ ÖNCESİ KARI            750.000,00     1.875.000,00
Dönem Vergi Gideri (-)                      23       (150.000,00)     (375.000,00)
DÖNEM KARI (ZARARI)                                   600.000,00     1.500.000,00
`;
