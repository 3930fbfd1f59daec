//go:build pocketdesk_profiling

// Profiling build of the same PocketBase (README "Benchmarks"): never installed, built by hand with
// -tags pocketdesk_profiling. With PPROF_ADDR set it serves Go's CPU profiles (/debug/pprof/profile) and the JS
// VMs' own profile by function name (/goja?seconds=N, goja's sampling profiler) on that address.
package main

import (
	"bytes"
	"net/http"
	_ "net/http/pprof"
	"os"
	"strconv"
	"time"

	"github.com/dop251/goja"
)

func init() {
	addr := os.Getenv("PPROF_ADDR")
	if addr == "" {
		return
	}
	http.HandleFunc("/goja", func(w http.ResponseWriter, r *http.Request) {
		seconds, _ := strconv.Atoi(r.URL.Query().Get("seconds"))
		var profile bytes.Buffer
		if err := goja.StartProfile(&profile); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		time.Sleep(time.Duration(seconds) * time.Second)
		goja.StopProfile()
		w.Write(profile.Bytes())
	})
	go http.ListenAndServe(addr, nil)
}
