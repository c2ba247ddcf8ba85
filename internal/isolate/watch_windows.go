package isolate

import (
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

// jobWatch holds the job object that limits the child's memory.
type jobWatch struct {
	job windows.Handle
}

// watch puts the child in a job object whose processes may commit at most limit bytes:
// an allocation beyond fails, and the Go runtime ends the child with "out of memory".
// Where the system refuses a step, the child's own watch remains.
func watch(p *os.Process, limit int64, over func()) watcher {
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return &jobWatch{}
	}
	w := &jobWatch{job: job}
	info := windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION{}
	info.BasicLimitInformation.LimitFlags = windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
	if limit > 0 {
		info.BasicLimitInformation.LimitFlags |= windows.JOB_OBJECT_LIMIT_PROCESS_MEMORY
		info.ProcessMemoryLimit = uintptr(limit)
	}
	windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation, uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info)))
	h, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE|windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(p.Pid))
	if err == nil {
		windows.AssignProcessToJobObject(job, h)
		windows.CloseHandle(h)
	}
	return w
}

// stop reads the peak memory the job's process committed and closes the job.
func (w *jobWatch) stop() int64 {
	if w.job == 0 {
		return 0
	}
	defer windows.CloseHandle(w.job)
	var info windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION
	if err := windows.QueryInformationJobObject(w.job, windows.JobObjectExtendedLimitInformation, uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info)), nil); err != nil {
		return 0
	}
	return int64(info.PeakProcessMemoryUsed)
}
