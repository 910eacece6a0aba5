package norsk

import (
	"testing"
	"time"
)

func TestDatePrecision(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name string
		in   time.Time
		p    Precision
		want string
	}{
		{"day", day(2019, time.November, 6), Day, "6." + nb + "november 2019"},
		{"month", day(2018, time.November, 1), Month, "november 2018"},
		{"spring", day(2020, time.March, 1), Season, "våren 2020"},
		{"summer", day(2020, time.August, 31), Season, "sommeren 2020"},
		{"autumn", day(2019, time.September, 1), Season, "høsten 2019"},
		{"winter", day(2020, time.December, 1), Season, "vinteren 2020"},
		{"january is winter", day(2021, time.January, 1), Season, "vinteren 2021"},
		{"zero is unknown", time.Time{}, Day, Unknown},
		{"zero month is unknown", time.Time{}, Month, Unknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := DatePrecision(tc.in, tc.p); got != tc.want {
				t.Errorf("DatePrecision(%v, %d) = %q, want %q", tc.in, tc.p, got, tc.want)
			}
		})
	}
	if got, want := Date(day(2019, time.November, 6)), "6."+nb+"november 2019"; got != want {
		t.Errorf("Date = %q, want %q", got, want)
	}
}
