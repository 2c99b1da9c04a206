//go:build !linux

package generator

func exchangeOS(a, b string) error { return errNoExchange }
