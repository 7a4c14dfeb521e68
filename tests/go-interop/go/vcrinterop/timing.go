package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"
)

// timeLoadSave loads one file into go-vcr's structs and saves it back, as go-vcr's
// Load and Save do (yaml.Unmarshal; yaml.Marshal after "---\n"), a number of times,
// and prints the time of each run in milliseconds and whether the save gave back the file.
func timeLoadSave(args []string) error {
	flags := flag.NewFlagSet("time", flag.ExitOnError)
	reader := flags.String("reader", "v3", "v3 or goccy")
	writer := flags.String("writer", "v3-marshal", "one of the writers")
	runs := flags.Int("runs", 5, "runs of each")
	flags.Parse(args)
	if flags.NArg() != 1 {
		return fmt.Errorf("time takes one file")
	}
	data, err := os.ReadFile(flags.Arg(0))
	if err != nil {
		return err
	}
	write := writers[*writer]
	var loads, saves []float64
	same := true
	for run := 0; run < *runs; run++ {
		runtime.GC()
		var c Cassette
		start := time.Now()
		if err := readers[*reader](data, &c); err != nil {
			return err
		}
		loads = append(loads, float64(time.Since(start).Nanoseconds())/1e6)
		runtime.GC()
		start = time.Now()
		out, err := write(&c)
		if err != nil {
			return err
		}
		out = append([]byte("---\n"), out...)
		saves = append(saves, float64(time.Since(start).Nanoseconds())/1e6)
		same = same && bytes.Equal(out, data)
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]interface{}{"loadMs": loads, "saveMs": saves, "same": same})
}
