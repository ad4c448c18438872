/**
 * Taiwan's public holidays and make-up workdays (補行上班), as published by the Directorate-General
 * of Personnel Administration, Executive Yuan (行政院人事行政總處, DGPA) in its
 * 「政府行政機關辦公日曆表」 for 民國115年 (2026) and 116年 (2027), open data set
 * https://data.gov.tw/dataset/14718. Checked on 2026-11-25 against that calendar as converted to JSON
 * in github.com/ruyut/TaiwanCalendar (data/2026.json, data/2027.json).
 *
 * Why a table: no maintained npm package carries the DGPA calendar. date-holidays' TW rules predate
 * the 2025 amendment of 紀念日及節日實施條例 (which added 小年夜, 9/28 教師節, 10/25 光復節 and 12/25
 * 行憲紀念日 as days off) and only move Sunday holidays, while the DGPA moves a Saturday holiday to
 * the Friday before (2026: 2/27, 4/3, 10/9). Since 2026 the DGPA no longer schedules 彈性放假 with a
 * Saturday make-up workday, so both years have no workdays; the list stays so a later year can.
 *
 * Listed: every named holiday and every 補假 (substitute day off), weekend ones included; ordinary
 * weekends are not listed. Update once a year when the DGPA publishes the next calendar (June).
 */
export interface DatedCalendarYear {
  holidays: readonly string[];
  workdays: readonly string[];
}

export const taiwanDgpaCalendar: Readonly<Record<number, DatedCalendarYear>> = {
  2026: {
    holidays: [
      '2026-01-01', // 開國紀念日
      '2026-02-15', // 小年夜 (Sunday)
      '2026-02-16', // 農曆除夕
      '2026-02-17', // 春節
      '2026-02-18', // 春節
      '2026-02-19', // 春節
      '2026-02-20', // 補假 for 小年夜 on Sunday
      '2026-02-27', // 補假 for 和平紀念日 on Saturday
      '2026-02-28', // 和平紀念日 (Saturday)
      '2026-04-03', // 補假 for 兒童節 on Saturday
      '2026-04-04', // 兒童節 (Saturday)
      '2026-04-05', // 清明節 (Sunday)
      '2026-04-06', // 補假 for 清明節 on Sunday
      '2026-05-01', // 勞動節
      '2026-06-19', // 端午節
      '2026-09-25', // 中秋節
      '2026-09-28', // 孔子誕辰紀念日/教師節
      '2026-10-09', // 補假 for 國慶日 on Saturday
      '2026-10-10', // 國慶日 (Saturday)
      '2026-10-25', // 臺灣光復暨金門古寧頭大捷紀念日 (Sunday)
      '2026-10-26', // 補假 for 光復節 on Sunday
      '2026-12-25', // 行憲紀念日
    ],
    workdays: [],
  },
  2027: {
    holidays: [
      '2027-01-01', // 開國紀念日
      '2027-02-04', // 小年夜
      '2027-02-05', // 農曆除夕
      '2027-02-06', // 春節 (Saturday)
      '2027-02-07', // 春節 (Sunday)
      '2027-02-08', // 春節
      '2027-02-09', // 補假 for 春節 on Saturday
      '2027-02-10', // 補假 for 春節 on Sunday
      '2027-02-28', // 和平紀念日 (Sunday)
      '2027-03-01', // 補假 for 和平紀念日
      '2027-04-04', // 兒童節 (Sunday)
      '2027-04-05', // 清明節
      '2027-04-06', // 補假 for 兒童節
      '2027-04-30', // 補假 for 勞動節 on Saturday
      '2027-05-01', // 勞動節 (Saturday)
      '2027-06-09', // 端午節
      '2027-09-15', // 中秋節
      '2027-09-28', // 孔子誕辰紀念日/教師節
      '2027-10-10', // 國慶日 (Sunday)
      '2027-10-11', // 補假 for 國慶日
      '2027-10-25', // 臺灣光復暨金門古寧頭大捷紀念日
      '2027-12-24', // 補假 for 行憲紀念日 on Saturday
      '2027-12-25', // 行憲紀念日 (Saturday)
      '2027-12-31', // 補假 for 2028-01-01 開國紀念日 on Saturday
    ],
    workdays: [],
  },
};

export const taiwanDgpaSource =
  'DGPA 政府行政機關辦公日曆表 (data.gov.tw dataset 14718), table in scripts/generate-holidays.taiwan-dgpa.ts checked 2026-11-25';
